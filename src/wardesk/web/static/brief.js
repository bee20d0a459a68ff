// Brief page: "Save as PDF" opens the browser's print dialog over the print stylesheet (a link
// with print=1 does the same when opened directly, so it can be shared).
"use strict";
const pdf = document.getElementById("brief-pdf");
if (pdf) {
  pdf.addEventListener("click", (ev) => { ev.preventDefault(); window.print(); });
}
if (new URLSearchParams(window.location.search).get("print") === "1") {
  window.addEventListener("load", () => window.print());
}
