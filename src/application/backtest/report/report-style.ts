/** The report's whole stylesheet, inlined so the page needs nothing from the network. */
export const REPORT_STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 24px auto;
  max-width: 1000px; padding: 0 16px; color: #1f2328; background: #ffffff; }
h1 { font-size: 1.6rem; margin-bottom: 4px; }
h2 { font-size: 1.2rem; margin-top: 32px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
.subtitle { color: #57606a; margin-top: 0; }
.notice { background: #fff8c5; border: 1px solid #d4a72c; padding: 8px 12px; border-radius: 6px; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.9rem; }
th, td { padding: 4px 8px; border-bottom: 1px solid #eaeef2; text-align: left; }
td.number, .monthly td, .metrics td { text-align: right; }
td.number, td.date { white-space: nowrap; }
.pos { color: #116329; }
.neg { color: #a40e26; }
.monthly td.pos { background: #dafbe1; }
.monthly td.neg { background: #ffebe9; }
.monthly td.flat, .monthly td.none { background: #f6f8fa; color: #57606a; }
.monthly td.total { font-weight: 600; }
tr.open td { font-style: italic; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0; }
svg.chart .chart-title { font-size: 15px; font-weight: 600; fill: #1f2328; }
svg.chart .axis { stroke: #57606a; stroke-width: 1; }
svg.chart .grid { stroke: #eaeef2; stroke-width: 1; }
svg.chart .y-label { font-size: 11px; fill: #57606a; text-anchor: end; }
svg.chart .x-label { font-size: 11px; fill: #57606a; }
svg.chart .axis-title { font-size: 12px; fill: #1f2328; text-anchor: middle; }
svg.chart path.series { fill: none; stroke: #0969da; stroke-width: 1.5; }
#drawdown-chart path.series { stroke: #a40e26; }
svg.chart path.area { fill: #ffebe9; stroke: none; }
pre { background: #f6f8fa; padding: 12px; border-radius: 6px; overflow-x: auto; font-size: 0.85rem; }
`;
