/**
 * A small inline script run once the page is laid out: it writes each chart's rendered size (and its line's
 * drawn width) into data attributes, so a headless browser's DOM dump shows that the charts really render.
 */
export const LAYOUT_PROBE_SCRIPT = `
(function () {
  var charts = document.querySelectorAll('svg.chart');
  for (var i = 0; i < charts.length; i += 1) {
    var chart = charts[i];
    var box = chart.getBoundingClientRect();
    chart.setAttribute('data-rendered-width', String(Math.round(box.width)));
    chart.setAttribute('data-rendered-height', String(Math.round(box.height)));
    var series = chart.querySelector('path.series');
    if (series) chart.setAttribute('data-series-width', String(Math.round(series.getBBox().width)));
  }
})();
`;
