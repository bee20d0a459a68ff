// /docs: starts Swagger UI (served locally from swagger-ui-dist) on the desk's OpenAPI spec.
"use strict";
const root = document.getElementById("swagger-ui");
if (root && window.SwaggerUIBundle) {
  window.SwaggerUIBundle({
    url: root.dataset.spec,
    domNode: root,
    deepLinking: false,
    validatorUrl: null, // never ask an outside validator about the spec
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    onComplete: () => root.setAttribute("data-ready", "1"),
  });
}
