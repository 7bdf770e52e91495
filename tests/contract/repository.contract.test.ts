import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { MemoryRepository } from '../../src/adapters/persistence/memory/memory.repository.js';
import { SqliteRepository } from '../../src/adapters/persistence/sqlite/sqlite.repository.js';
import { describeRepositoryContract } from './repository.contract.js';

const folder = mkdtempSync(join(tmpdir(), 'skim-repository-contract-'));
let databases = 0;

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describeRepositoryContract('MemoryRepository', () => new MemoryRepository());

describeRepositoryContract('SqliteRepository', () => {
  databases += 1;
  return SqliteRepository.open(join(folder, `contract-${databases}.db`));
});
