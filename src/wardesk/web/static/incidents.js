// Incidents list: a click anywhere on a row opens that incident (the row's type link).
"use strict";
for (const row of document.querySelectorAll("tr.incident-row")) {
  row.addEventListener("click", (ev) => {
    if (ev.defaultPrevented || ev.target.closest("a")) return;
    const link = row.querySelector("a.type");
    if (link) window.location.assign(link.href);
  });
}
