/* Home page: draw each Vega-Lite chart (div.vl-chart, its spec in the JSON script named by data-spec) and
   open the page a clicked mark names (its datum's url: a dyad, a root's events, a place's events). */
(function () {
  "use strict";
  if (typeof vegaEmbed === "undefined") return;
  document.querySelectorAll("div.vl-chart").forEach(function (chart) {
    var node = document.getElementById(chart.dataset.spec);
    if (!node) return;
    var spec = JSON.parse(node.textContent);
    if (chart.classList.contains("map")) {
      spec.width = Math.max(320, chart.clientWidth - 30);
      spec.height = Math.round(spec.width / 2);
    } else {
      spec.width = Math.max(240, chart.clientWidth - 200);
    }
    volteChart(chart, spec, function (d) {
      if (typeof d.url === "string" && d.url.charAt(0) === "/") window.location.assign(d.url);
    });
  });
})();
