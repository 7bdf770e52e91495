import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { HaltState, HaltSwitch } from '../../application/shared/trading-halt.js';

/**
 * The operator's kill switch as a file: while it exists no new entry is made. A running `skim run` reads it
 * before every entry decision, so `skim halt` from another shell takes effect at once; the reason is the file's text.
 */
export class FileHaltSwitch implements HaltSwitch {
  constructor(readonly path: string) {}

  isHalted(): HaltState {
    if (!existsSync(this.path)) return { halted: false };
    let reason = '';
    try {
      reason = readFileSync(this.path, 'utf8').trim();
    } catch {
      // Unreadable but present still means halted: the safe reading of a kill switch.
    }
    return { halted: true, reason: reason === '' ? `kill switch file ${this.path}` : reason };
  }

  halt(reason: string): void {
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, `${reason}\n`);
  }

  resume(): boolean {
    const was = existsSync(this.path);
    rmSync(this.path, { force: true });
    return was;
  }
}
