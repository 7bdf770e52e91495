import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileHaltSwitch } from '../../../src/adapters/halt/file-halt.switch.js';
import { SqliteRepository } from '../../../src/adapters/persistence/sqlite/sqlite.repository.js';
import { loadConfig } from '../../../src/infrastructure/config/load-config.js';
import { haltFilePath } from '../../../src/infrastructure/container/trading.bindings.js';
import { DEMO_DAYS } from '../../../src/infrastructure/demo/demo-market.js';
import { runDemo } from '../../../src/infrastructure/demo/demo-day.js';
import { useTempDir } from '../temp-dir.js';

const tempDir = useTempDir('demo');

class Capture {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
  /** Index of the first line containing every part, -1 if none. */
  lineOf(...parts: string[]): number {
    return this.text.split('\n').findIndex((line) => parts.every((part) => line.includes(part)));
  }
}

function demoConfig() {
  const dir = tempDir();
  return loadConfig({ env: { SKIM_DB_PATH: join(dir, 'skim.db'), SKIM_LOG_LEVEL: 'info' }, cwd: dir }).config;
}

function stored(dbPath: string) {
  const repository = SqliteRepository.open(dbPath);
  try {
    return {
      candidates: DEMO_DAYS.flatMap((day) => repository.candidates.forDate(day)),
      positions: repository.positions.withStatus(['open', 'half_exited', 'closed']),
      journal: repository.journal.all(),
    };
  } finally {
    repository.close();
  }
}

describe('the demo day', () => {
  it('trades the sample days through the gateway simulator and prints each step as it happens', async () => {
    const config = demoConfig();
    const out = new Capture();

    const outcome = await runDemo({ config, out });

    expect(outcome.kind).toBe('completed');
    const firstDay = out.lineOf('==', '2025-11-10');
    const steps = [
      out.lineOf('pre-open scan:', 'gapping up'),
      out.lineOf('KLI', '08:40 Binding Offtake Agreement Signed', 'watching'),
      out.lineOf('WMB', 'skipped: no news'),
      out.lineOf('KLI', 'triggered: gapped'),
      out.lineOf('KLI', 'opening range'),
      out.lineOf('KLI', 'order BUY 1000 stop', '(entry, DAY) placed as skim-20251110-KLI-entry-1'),
      out.lineOf('KLI', 'filled: BUY 1000'),
      out.lineOf('KLI', 'position open: 1000 shares'),
      out.lineOf('end of day'),
    ];
    expect(firstDay).toBeGreaterThanOrEqual(0);
    expect(steps.every((line) => line > firstDay)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);

    const demoDay = out.lineOf('==', '2025-11-13');
    for (const step of [
      out.lineOf('QKA', 'expired: gap'),
      out.lineOf('KLI', 'exit (day3_half): sold 500'),
      out.lineOf('DGO', 'exit (stop): sold 1000'),
      out.lineOf('held  KLI: 500 shares (half_exited'),
      out.lineOf('held  BRG: 1000 shares (open'),
    ]) {
      expect(step).toBeGreaterThan(demoDay);
    }
    expect(out.lineOf('realised P&L today')).toBeGreaterThan(0);
    expect(out.text).not.toContain('! ');

    const { candidates, positions, journal } = stored(config.dbPath);
    expect(candidates.filter((c) => c.status === 'entered').map((c) => `${c.tradingDate} ${c.symbol}`)).toEqual([
      '2025-11-10 KLI',
      '2025-11-11 PLT',
      '2025-11-12 EMU',
      '2025-11-13 BRG',
      '2025-11-13 DGO',
    ]);
    const held = positions.filter((p) => p.status !== 'closed').map((p) => [p.instrument.symbol, p.status, p.quantity]);
    expect(held.sort()).toEqual([
      ['BRG', 'open', 1000],
      ['KLI', 'half_exited', 500],
    ]);
    const ids = journal.map((entry) => entry.clientOrderId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(journal.filter((entry) => entry.state === 'intent' || entry.state === 'submitting')).toEqual([]);
    expect(journal.filter((entry) => entry.intent.purpose === 'entry')).toHaveLength(5);
  });

  it('makes no new entry once `skim halt` writes the kill switch mid-run, and still manages what it holds', async () => {
    const config = demoConfig();
    const operator = new FileHaltSwitch(haltFilePath(config));
    const out = new Capture();
    const haltAfterFirstFill = {
      write(chunk: string): boolean {
        out.write(chunk);
        if (chunk.includes('position open: 1000 shares')) operator.halt('operator says stop');
        return true;
      },
    };

    const outcome = await runDemo({ config, out: haltAfterFirstFill });

    expect(outcome.kind).toBe('completed');
    expect(out.lineOf('! no new entries: trading is halted (operator says stop)')).toBeGreaterThan(
      out.lineOf('KLI', 'position open: 1000 shares'),
    );
    const { positions, journal } = stored(config.dbPath);
    expect(journal.filter((entry) => entry.intent.purpose === 'entry').map((entry) => entry.clientOrderId)).toEqual([
      'skim-20251110-KLI-entry-1',
    ]);
    // Exits are not entries: the day-3 half sale still happens while halted.
    expect(out.lineOf('KLI', 'exit (day3_half): sold 500')).toBeGreaterThan(out.lineOf('==', '2025-11-13'));
    expect(positions.map((p) => [p.instrument.symbol, p.status, p.quantity])).toEqual([['KLI', 'half_exited', 500]]);
  });

  it('leaves a database with history alone on a second run, so no order is ever sent twice', async () => {
    const config = demoConfig();
    await runDemo({ config, out: new Capture() });
    const before = stored(config.dbPath).journal;
    const out = new Capture();

    const outcome = await runDemo({ config, out });

    expect(outcome).toMatchObject({ kind: 'refused', history: { orders: before.length } });
    expect(out.text).toContain('already holds trading history');
    expect(out.text).toContain('SKIM_DB_PATH=');
    expect(stored(config.dbPath).journal).toEqual(before);
  });
});
