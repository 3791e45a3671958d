/* Shared by the home page (overview.js) and the dyad and shift pages (dyad.js): draw one Vega-Lite spec
   into a div with the vendored vega-embed, mark the div data-rendered ("true", or "error" with the reason
   as its text) and hand each click on a mark to onClick(datum). */
(function () {
  "use strict";
  // The server's Content-Security-Policy allows no eval and no inline styles: Vega interprets its
  // expressions (vega-interpreter) instead of compiling them with new Function, and the default styles of
  // vega-embed and its tooltips come from /static/vendor/vega-embed.css instead of injected <style> tags.
  var options = {
    actions: false,
    renderer: "svg",
    ast: true,
    expr: typeof vega === "undefined" ? undefined : vega.expressionInterpreter,
    defaultStyle: false,
    tooltip: { disableDefaultStyle: true }
  };
  window.volteChart = function (chart, spec, onClick) {
    vegaEmbed(chart, spec, options)
      .then(function (result) {
        chart.dataset.rendered = "true";
        result.view.addEventListener("click", function (event, item) {
          var d = item && item.datum;
          if (d) onClick(d);
        });
      })
      .catch(function (err) {
        chart.dataset.rendered = "error";
        chart.textContent = "The chart could not be drawn: " + err;
      });
  };
})();
