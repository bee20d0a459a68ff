// Every page: the menu button (narrow screens), and the labels that let tables become cards.
"use strict";
document.documentElement.classList.add("js");

function setMenu(button, open) {
  button.setAttribute("aria-expanded", String(open));
  document.querySelector("header.top").classList.toggle("open", open);
}

function menuButton() {
  const button = document.querySelector(".menu-toggle");
  if (!button) return;
  button.addEventListener("click", () => setMenu(button, button.getAttribute("aria-expanded") !== "true"));
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setMenu(button, false);
      button.focus();
    }
  });
}

// At narrow widths a table.grid row is drawn as a card: each cell shows its column's name,
// taken from the table's header (data-label, read by the stylesheet).
function cardLabels() {
  for (const table of document.querySelectorAll("table.grid")) {
    const names = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    for (const row of table.querySelectorAll("tbody tr")) {
      [...row.children].forEach((cell, i) => {
        if (names[i] && !cell.hasAttribute("data-label") && !cell.hasAttribute("colspan")) {
          cell.setAttribute("data-label", names[i]);
        }
      });
    }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  menuButton();
  cardLabels();
});
