import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileHaltSwitch } from '../../../src/adapters/halt/file-halt.switch.js';
import { useTempDir } from '../../infrastructure/temp-dir.js';

const tempDir = useTempDir('halt');

describe('FileHaltSwitch', () => {
  it('allows entries while the file is absent', () => {
    expect(new FileHaltSwitch(join(tempDir(), 'skim.halt')).isHalted()).toEqual({ halted: false });
  });

  it('halts with the given reason, creating the folder it lives in', () => {
    const path = join(tempDir(), 'data', 'nested', 'skim.halt');
    const halt = new FileHaltSwitch(path);

    halt.halt('RBA decision at 14:30');

    expect(readFileSync(path, 'utf8')).toBe('RBA decision at 14:30\n');
    expect(halt.isHalted()).toEqual({ halted: true, reason: 'RBA decision at 14:30' });
  });

  it('reads a file written by another process at the next question, with no restart', () => {
    const path = join(tempDir(), 'skim.halt');
    const running = new FileHaltSwitch(path);
    expect(running.isHalted().halted).toBe(false);

    new FileHaltSwitch(path).halt('operator');

    expect(running.isHalted()).toEqual({ halted: true, reason: 'operator' });
  });

  it('counts an empty file as halted, naming the file as the reason', () => {
    const path = join(tempDir(), 'skim.halt');
    writeFileSync(path, '  \n');
    expect(new FileHaltSwitch(path).isHalted()).toEqual({ halted: true, reason: `kill switch file ${path}` });
  });

  it('counts a switch it cannot read as halted, the safe reading', () => {
    const path = join(tempDir(), 'skim.halt');
    mkdirSync(path);
    expect(new FileHaltSwitch(path).isHalted()).toEqual({ halted: true, reason: `kill switch file ${path}` });
  });

  it('resumes by removing the file, and says whether there was anything to lift', () => {
    const path = join(tempDir(), 'skim.halt');
    const halt = new FileHaltSwitch(path);
    halt.halt('test');

    expect(halt.resume()).toBe(true);
    expect(existsSync(path)).toBe(false);
    expect(halt.isHalted()).toEqual({ halted: false });
    expect(halt.resume()).toBe(false);
  });
});
