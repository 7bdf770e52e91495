import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/clientportal/', import.meta.url));

/** A hand-built gateway payload from tests/fixtures/clientportal, parsed fresh for each use. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(`${FIXTURES}${name}.json`, 'utf8')) as unknown;
}

/** A fixture that is a JSON object, for tests that change one field of it. */
export function objectFixture(name: string): Record<string, unknown> {
  return fixture(name) as Record<string, unknown>;
}

/** A fixture that is a JSON array of objects. */
export function listFixture(name: string): Record<string, unknown>[] {
  return fixture(name) as Record<string, unknown>[];
}
