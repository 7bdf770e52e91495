import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const MAIN = fileURLToPath(new URL('./trading-process.main.ts', import.meta.url));
/** Beside the packages the bundle leaves out, so that the child resolves them as the sources do. */
const CACHE = fileURLToPath(new URL('../../../../node_modules/.cache/skim-chaos/', import.meta.url));

let entry: string | undefined;

/**
 * The trading process as one JavaScript file, built once per campaign process. A restart run forks two
 * processes, and a bundle starts in about half a second where loading each TypeScript module through tsx
 * takes well over one, most of a restart run's time. Named after its content, so campaign workers building
 * at once write the same file, and an unchanged source is not written again.
 */
export function tradingProcessEntry(): string {
  entry ??= bundle();
  return entry;
}

function bundle(): string {
  const { outputFiles } = buildSync({
    entryPoints: [MAIN],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  });
  const code = outputFiles[0]?.contents;
  if (code === undefined) throw new Error(`esbuild produced nothing for ${MAIN}`);
  const file = join(CACHE, `trading-process-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  return file;
}
