/**
 * The page's own script: draws every figure live with the inlined vega build (SVG renderer, so the
 * browser's text and hover work) from the compiled spec stored in a JSON script block, and marks each
 * chart `data-status="rendered"` or `"error"`; `<html data-figures="done">` when all have settled.
 * The browser test waits on those attributes.
 */
export const FIGURE_RUNTIME = `(function () {
  'use strict';
  var charts = Array.prototype.slice.call(document.querySelectorAll('[data-vega-spec]'));
  var pending = charts.length;
  function settle() {
    pending -= 1;
    if (pending === 0) document.documentElement.setAttribute('data-figures', 'done');
  }
  if (pending === 0) document.documentElement.setAttribute('data-figures', 'done');
  charts.forEach(function (chart) {
    var name = chart.getAttribute('data-vega-spec');
    try {
      var spec = JSON.parse(document.getElementById('spec-' + name).textContent);
      var view = new vega.View(vega.parse(spec), { renderer: 'svg', container: chart, hover: true });
      view.runAsync().then(function () {
        // Show figures a little larger than their print size, never wider than the column.
        var svg = chart.querySelector('svg');
        if (svg) {
          var natural = Number(svg.getAttribute('width')) || 0;
          if (natural > 0) {
            svg.style.width = Math.min(chart.clientWidth || natural, Math.round(natural * 1.5)) + 'px';
            svg.style.height = 'auto';
          }
        }
        chart.setAttribute('data-status', 'rendered');
        settle();
      }, function (error) {
        chart.setAttribute('data-status', 'error');
        console.error('figure ' + name + ' failed to render: ' + error);
        settle();
      });
    } catch (error) {
      chart.setAttribute('data-status', 'error');
      console.error('figure ' + name + ' failed to render: ' + error);
      settle();
    }
  });
})();
`;
