// The events list's several-value filters: each is a <details> drop-down of checkboxes; one open
// at a time, closed by Escape (focus back on its summary) or a click elsewhere.
"use strict";
const drops = [...document.querySelectorAll("details.multi")];
for (const d of drops) {
  d.addEventListener("toggle", () => {
    if (d.open) for (const other of drops) if (other !== d) other.open = false;
  });
  d.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && d.open) { d.open = false; d.querySelector("summary").focus(); }
  });
}
document.addEventListener("click", (ev) => {
  for (const d of drops) if (d.open && !d.contains(ev.target)) d.open = false;
});
