import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderBacktestReport } from '../../../../src/application/backtest/report/backtest-report.js';
import { SAMPLE_CONFIGURATION, sampleReportInput } from './sample-run.js';

const DAYS = 64;

function load(days = DAYS, openingRange: 'minute-bars' | 'approximated-from-daily' = 'minute-bars') {
  const input = sampleReportInput(days, openingRange);
  return { input, $: cheerio.load(renderBacktestReport(input)) };
}

/** Coordinate pairs in a path's `d` ("M1,2 L3,4 ..."). */
function pointCount(d: string | undefined): number {
  return (d ?? '').match(/-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?/g)?.length ?? 0;
}

describe('renderBacktestReport', () => {
  it('draws the equity and drawdown charts with one point per trading day', () => {
    const { $ } = load();

    for (const id of ['equity-chart', 'drawdown-chart']) {
      const chart = $(`svg#${id}`);
      expect(chart).toHaveLength(1);
      const d = chart.find('path.series').attr('d');
      expect(pointCount(d)).toBe(DAYS);
      expect(chart.attr('data-points')).toBe(String(DAYS));
      expect(chart.find('.x-label').length).toBeGreaterThanOrEqual(2);
      expect(chart.find('.y-label').length).toBeGreaterThanOrEqual(2);
      expect(
        chart
          .find('.axis-title')
          .map((_, e) => $(e).text())
          .get(),
      ).toContain('Trading day');
    }
    expect($('svg#equity-chart .x-label').first().text()).toBe('2024-11-25');
    expect($('svg#drawdown-chart path.area')).toHaveLength(1);
  });

  it('keeps every point of the line inside the plot', () => {
    const { $ } = load();
    const d = $('svg#equity-chart path.series').attr('d') ?? '';
    const coordinates = (d.match(/-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?/g) ?? []).map((pair) => pair.split(',').map(Number));
    for (const [x = -1, y = -1] of coordinates) {
      expect(x).toBeGreaterThanOrEqual(96);
      expect(x).toBeLessThanOrEqual(936);
      expect(y).toBeGreaterThanOrEqual(40);
      expect(y).toBeLessThanOrEqual(264);
    }
  });

  it('has a metrics table, a monthly row per year with coloured cells, and a row per trade', () => {
    const { $, input } = load();

    const labels = $('#metrics th')
      .map((_, e) => $(e).text())
      .get();
    expect(labels).toEqual(
      expect.arrayContaining([
        'Total return',
        'Max drawdown',
        'Win rate',
        'Profit factor',
        'Exposure (days with a position)',
      ]),
    );
    expect($('#metrics tr')).toHaveLength(23);

    expect(
      $('#monthly-returns tbody tr th')
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual(['2024', '2025']);
    expect($('#monthly-returns thead th')).toHaveLength(14);
    const cells = $('#monthly-returns tbody td');
    expect(cells).toHaveLength(2 * 13);
    const monthly = input.results.monthly.months;
    expect($('#monthly-returns td.pos, #monthly-returns td.neg').length).toBeGreaterThanOrEqual(monthly.length);
    const november = $('#monthly-returns tbody tr').first().find('td').eq(10);
    expect(november.hasClass((monthly[0]?.return ?? 0) > 0 ? 'pos' : 'neg')).toBe(true);

    const rows = $('#trades tbody tr');
    expect(rows).toHaveLength(input.results.trades.length);
    expect(rows).toHaveLength(4);
    expect(rows.eq(1).find('td').eq(1).text()).toBe('CBA');
    expect(rows.eq(1).find('td').eq(7).hasClass('neg')).toBe(true);
    expect(rows.eq(3).hasClass('open')).toBe(true);
  });

  it('embeds the exact configuration as JSON and escapes text', () => {
    const { $ } = load();
    expect(JSON.parse($('#configuration').text())).toEqual(JSON.parse(JSON.stringify(SAMPLE_CONFIGURATION)));
    expect($('head > title').text()).toBe('Skim backtest <sample>');
    expect($('h1').text()).toBe('Skim backtest <sample>');
  });

  it('labels a run whose opening range was approximated from daily bars, and only that run', () => {
    expect(load(DAYS, 'minute-bars').$('#opening-range-approximated')).toHaveLength(0);
    const notice = load(DAYS, 'approximated-from-daily').$('#opening-range-approximated');
    expect(notice).toHaveLength(1);
    expect(notice.text()).toMatch(/^Opening range approximated from daily bars/);
  });

  it('needs nothing from the network: no http(s) reference, external script, stylesheet or font', () => {
    const input = sampleReportInput(DAYS, 'approximated-from-daily');
    const html = renderBacktestReport(input);
    const $ = cheerio.load(html);

    expect(html).not.toMatch(/https?:/i);
    expect($('script[src], link, img, iframe, object, embed')).toHaveLength(0);
    expect($('style').text()).not.toMatch(/@import|url\(|@font-face/);
    expect($('[href], [src], [xlink\\:href]')).toHaveLength(0);
  });

  it('draws a one-day run as a single point', () => {
    const { $ } = load(1);
    expect(pointCount($('svg#equity-chart path.series').attr('d'))).toBe(1);
    expect(pointCount($('svg#drawdown-chart path.series').attr('d'))).toBe(1);
  });
});
