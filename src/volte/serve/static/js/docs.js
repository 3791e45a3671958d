/* /docs: Swagger UI over the server's /openapi.json, from the vendored swagger-ui-dist (no CDN). Started
   from this file because the Content-Security-Policy allows no inline script. */
(function () {
  "use strict";
  var node = document.getElementById("swagger-ui");
  if (!node || typeof SwaggerUIBundle === "undefined") return;
  window.ui = SwaggerUIBundle({
    url: node.dataset.openapi,
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,  // the default validator is an outside site: never call it
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    onComplete: function () { node.dataset.rendered = "true"; }
  });
})();
