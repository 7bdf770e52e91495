import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as cheerio from 'cheerio';
import { afterEach, describe, expect, it } from 'vitest';
import { renderBacktestReport } from '../../../src/application/backtest/report/backtest-report.js';
import { sampleReportInput } from './report/sample-run.js';

const CHROMIUM = '/usr/bin/chromium';
const DAYS = 64;
const run = promisify(execFile);

/** Flags for a quiet, offline, throw-away headless browser (no sandbox: CI runs it as root in a container). */
function chromiumFlags(profile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    `--user-data-dir=${profile}`,
  ];
}

describe('the backtest report in headless Chromium', () => {
  let scratch: string | undefined;
  afterEach(() => {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    scratch = undefined;
  });

  it('lays out both charts with a non-empty box and a drawn line', { timeout: 120_000 }, async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} not found: install Debian's chromium package (apt-get install -y chromium) to run this test`,
      );
    }
    scratch = mkdtempSync(join(tmpdir(), 'skim-report-chromium-'));
    const page = join(scratch, 'report.html');
    writeFileSync(page, renderBacktestReport(sampleReportInput(DAYS, 'approximated-from-daily')));

    const args = [...chromiumFlags(join(scratch, 'profile')), '--dump-dom', pathToFileURL(page).href];
    const { stdout } = await run(CHROMIUM, args, { timeout: 100_000, maxBuffer: 16 * 1024 * 1024 });

    const $ = cheerio.load(stdout);
    for (const id of ['equity-chart', 'drawdown-chart']) {
      const chart = $(`svg#${id}`);
      expect(chart, `${id} in the rendered DOM`).toHaveLength(1);
      expect(Number(chart.attr('data-rendered-width')), `${id} width`).toBeGreaterThan(0);
      expect(Number(chart.attr('data-rendered-height')), `${id} height`).toBeGreaterThan(0);
      expect(Number(chart.attr('data-series-width')), `${id} line width`).toBeGreaterThan(0);
      expect(
        chart
          .find('path.series')
          .attr('d')
          ?.match(/-?[\d.]+,-?[\d.]+/g),
      ).toHaveLength(DAYS);
    }
    expect($('#opening-range-approximated').text()).toMatch(/approximated from daily bars/);
  });
});
