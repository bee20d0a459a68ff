// Widths of the small bar lists (set from data attributes: no inline styles under the CSP).
"use strict";
for (const bar of document.querySelectorAll(".bar[data-share]")) {
  bar.style.width = `${Number(bar.dataset.share) || 0}%`;
}
