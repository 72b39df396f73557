/**
 * The page's own script: draws every figure live with the inlined vega, vega-lite and vega-embed builds
 * (SVG renderer, so the browser's text and tooltips work) from the Vega-Lite spec stored in a JSON
 * script block, with vega-embed's actions menu on each figure — save as SVG or PNG, view the spec —
 * which works offline (the editor link, which needs the network, is off). Each chart is marked
 * `data-status="rendered"` or `"error"`; `<html data-figures="done">` when all have settled. The
 * browser test waits on those attributes.
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
    function fail(error) {
      chart.setAttribute('data-status', 'error');
      console.error('figure ' + name + ' failed to render: ' + error);
      settle();
    }
    try {
      var spec = JSON.parse(document.getElementById('spec-' + name).textContent);
      var options = {
        mode: 'vega-lite',
        renderer: 'svg',
        downloadFileName: name,
        actions: { export: { svg: true, png: true }, source: true, compiled: false, editor: false },
      };
      vegaEmbed(chart, spec, options).then(function () {
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
      }, fail);
    } catch (error) {
      fail(error);
    }
  });
})();
`;
