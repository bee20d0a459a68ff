// Overview: the events-per-day chart (inline SVG), the by-country list and the map.
// Data comes from the page's JSON twin (/api/stats); untrusted strings only ever go
// into textContent or SVG text nodes, never innerHTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const TYPE_COLOURS = {
  ASSAULT: "#b83232", COERCE: "#d2691e", MOBILIZE: "#e08e45", SANCTION: "#c4a000",
  PROTEST: "#a05195", THREATEN: "#d45087", ACCUSE: "#b7791f", REJECT: "#8c564b",
  REQUEST: "#9a7d0a", CONSULT: "#1f6fa8", AGREE: "#2f7d4f", SUPPORT: "#4c9f70",
  COOPERATE: "#17becf", AID: "#2ca02c", CONCEDE: "#7f7fbf", RETREAT: "#6a7785",
};

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

function colour(type) { return TYPE_COLOURS[type] || "#888"; }

// Every day from the first to the last (quiet days too), unless the span is too long to draw.
function allDays(seen) {
  const first = Date.parse(seen[0]), last = Date.parse(seen[seen.length - 1]);
  const span = (last - first) / 86400000;
  if (!(span > 0) || span > 180) return seen;
  const out = [];
  for (let t = first; t <= last; t += 86400000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

function drawPerDay(box, legend, rows) {
  box.replaceChildren();
  if (!rows.length) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = "No dated events yet.";
    box.appendChild(p);
    return;
  }
  const days = allDays([...new Set(rows.map((r) => r.date))].sort());
  const types = [...new Set(rows.map((r) => r.type))].sort();
  const totals = {};
  for (const r of rows) totals[r.date] = (totals[r.date] || 0) + r.count;
  const max = Math.max(...Object.values(totals));
  const W = 600, H = 240, L = 30, B = 30, T = 10;
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Events per day by type" }, box);
  const bw = (W - L - 5) / days.length;
  el("line", { x1: L, y1: H - B, x2: W, y2: H - B, class: "axis" }, svg);
  el("text", { x: 2, y: T + 8 }, svg).textContent = String(max);
  el("text", { x: 2, y: H - B }, svg).textContent = "0";
  const base = {};
  days.forEach((d, i) => {
    let y = H - B;
    for (const t of types) {
      const r = rows.find((x) => x.date === d && x.type === t);
      if (!r) continue;
      const h = ((H - B - T) * r.count) / max;
      y -= h;
      const rect = el("rect", { x: L + i * bw + 1, y, width: Math.max(bw - 2, 1), height: h, fill: colour(t) }, svg);
      el("title", {}, rect).textContent = `${d} ${t}: ${r.count}`;
    }
    base[d] = y;
  });
  const step = Math.max(1, Math.ceil(days.length / 8));
  days.forEach((d, i) => {
    if (i % step === 0) el("text", { x: L + i * bw, y: H - B + 14 }, svg).textContent = d.slice(5);
  });
  legend.replaceChildren();
  for (const t of types) {
    const item = document.createElement("span");
    item.className = "legend-item";
    const sw = document.createElement("span");
    sw.className = "swatch";
    sw.style.background = colour(t);
    item.appendChild(sw);
    item.appendChild(document.createTextNode(t));
    legend.appendChild(item);
  }
}

// The chart's numbers as a table (for screen readers and keyboard users): a day per row.
function chartTable(box, rows) {
  const days = [...new Set(rows.map((r) => r.date))].sort();
  const types = [...new Set(rows.map((r) => r.type))].sort();
  const details = document.createElement("details");
  details.className = "chart-table";
  const summary = document.createElement("summary");
  summary.textContent = "The chart as a table";
  const table = document.createElement("table");
  table.className = "grid keep";
  const caption = table.createCaption();
  caption.textContent = "Events per day, by type";
  const head = table.createTHead().insertRow();
  for (const name of ["Date", ...types, "Total"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const d of days) {
    const row = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = d;
    row.appendChild(th);
    let total = 0;
    for (const t of types) {
      const r = rows.find((x) => x.date === d && x.type === t);
      total += r ? r.count : 0;
      row.insertCell().textContent = r ? String(r.count) : "";
    }
    row.insertCell().textContent = String(total);
  }
  details.append(summary, table);
  box.after(details);
}

function drawCountries(list, rows) {
  list.replaceChildren();
  const top = rows.slice(0, 12);
  const max = top.length ? top[0].count : 1;
  for (const r of top) {
    const li = document.createElement("li");
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.style.width = `${(100 * r.count) / max}%`;
    const link = document.createElement("a");
    link.href = "/events?" + new URLSearchParams({ country: r.country }).toString();
    link.textContent = r.country;
    const n = document.createElement("span");
    n.className = "muted";
    n.textContent = ` ${r.count}`;
    li.append(bar, link, n);
    list.appendChild(li);
  }
}

function popup(point) {
  const box = document.createElement("div");
  const link = document.createElement("a");
  link.href = "/events/" + encodeURIComponent(point.id || "");
  link.textContent = point.event || "event";
  const what = document.createElement("div");
  what.textContent = `${point.place || ""} ${point.date || ""} (${point.status || ""})`;
  box.append(link, what);
  return box;
}

async function drawMap(node, points) {
  if (typeof L === "undefined" || typeof topojson === "undefined") return;
  const map = L.map(node, { worldCopyJump: true, attributionControl: false }).setView([30, 20], 2);
  const world = await (await fetch(node.dataset.world)).json();
  const countries = topojson.feature(world, world.objects.countries);
  L.geoJSON(countries, { style: { color: "#8fa3b8", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
  const markers = points.map((p) =>
    L.circleMarker([p.lat, p.lon], { radius: 6, color: colour(p.event), fillOpacity: 0.75, weight: 1 })
      .bindPopup(popup(p)));
  const layer = L.featureGroup(markers).addTo(map);
  if (markers.length) map.fitBounds(layer.getBounds().pad(0.5), { maxZoom: 5 });
  node.dataset.ready = String(markers.length);
}

async function main() {
  const chart = document.getElementById("per-day");
  if (!chart) return;
  const stats = await (await fetch(chart.dataset.src)).json();
  drawPerDay(chart, document.getElementById("per-day-legend"), stats.per_day || []);
  if ((stats.per_day || []).length) chartTable(document.getElementById("per-day-legend"), stats.per_day);
  drawCountries(document.getElementById("by-country"), stats.by_country || []);
  const mapNode = document.getElementById("map");
  if (mapNode) await drawMap(mapNode, stats.located || []);
  document.body.dataset.ready = "1";
}

main().catch((err) => {
  const chart = document.getElementById("per-day");
  if (chart) chart.textContent = "Could not load the statistics.";
  throw err;
});
