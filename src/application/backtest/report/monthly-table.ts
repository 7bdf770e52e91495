import type { MonthlyReturns } from '../metrics/monthly-returns.js';
import { formatPercent, NONE, signClass } from './display-format.js';
import { element, textElement } from './html.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A row per year, a column per month and the year's total; each cell coloured by its sign. */
export function renderMonthlyTable(monthly: MonthlyReturns): string {
  const head = element(
    'tr',
    {},
    textElement('th', { scope: 'col' }, 'Year'),
    ...MONTHS.map((month) => textElement('th', { scope: 'col' }, month)),
    textElement('th', { scope: 'col' }, 'Year'),
  );
  const rows = monthly.years.map((year) =>
    element(
      'tr',
      {},
      textElement('th', { scope: 'row' }, String(year.year)),
      ...year.months.map((value) => cell(value)),
      cell(year.total, 'total'),
    ),
  );
  return element(
    'table',
    { id: 'monthly-returns', class: 'monthly' },
    element('thead', {}, head),
    element('tbody', {}, ...rows),
  );
}

function cell(value: number | null, extra?: string): string {
  const classes = [signClass(value), extra].filter((name) => name !== undefined).join(' ');
  return textElement('td', { class: classes }, value === null ? NONE : formatPercent(value));
}
