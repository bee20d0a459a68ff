// Trends: stacked bars per week or month on a real date axis (quiet periods keep their width,
// each January and the first bar carry the year), each part a link to the events behind it.
// Data: the page's JSON twin; store text only in SVG text nodes and textContent.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const PALETTE = ["#1f6fa8", "#b83232", "#2f7d4f", "#d2691e", "#a05195", "#6a7785", "#c4a000", "#17becf"];

function svg(name, attrs, parent) {
  const n = document.createElementNS(SVGNS, name);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
  if (parent) parent.appendChild(n);
  return n;
}

function seriesColour(data) {
  const own = {};
  data.series.forEach((s, i) => {
    own[s.key] = data.by === "type" ? window.wardeskColour(s.key) : PALETTE[i % PALETTE.length];
  });
  return (key) => own[key] || "#888";
}

function draw(box, legend, data) {
  box.replaceChildren();
  if (!data.cells.length) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = "No dated events in this range.";
    box.appendChild(p);
    return;
  }
  const colour = seriesColour(data);
  const W = 900, H = 280, L = 36, R = 8, T = 10, B = 36;
  const t0 = Date.parse(data.buckets[0].start);
  const t1 = Date.parse(data.buckets[data.buckets.length - 1].end) + 86400000;
  const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
  const max = Math.max(...data.buckets.map((b) => b.total), 1);
  const y = (n) => ((H - T - B) * n) / max;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "group",
    "aria-label": `${data.count === "incidents" ? "Incidents" : "Event reports"} per ${data.unit} by ${data.by}; the table below holds the counts` }, box);
  svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, class: "axis" }, chart);
  svg("text", { x: L - 4, y: T + 8, "text-anchor": "end" }, chart).textContent = String(max);
  svg("text", { x: L - 4, y: H - B, "text-anchor": "end" }, chart).textContent = "0";
  const byBucket = {};
  for (const c of data.cells) (byBucket[c.start] = byBucket[c.start] || []).push(c);
  for (const b of data.buckets) {
    const left = x(Date.parse(b.start)), right = x(Date.parse(b.end) + 86400000);
    const width = Math.max(right - left - 1, 1);
    let top = H - B;
    for (const c of byBucket[b.start] || []) {
      const h = y(c.count);
      top -= h;
      const link = svg("a", { href: c.href, class: "bar-link" }, chart);
      const rect = svg("rect", { x: left + 0.5, y: top, width, height: h, fill: colour(c.series) }, link);
      svg("title", {}, rect).textContent = `${c.series}, ${data.unit} from ${c.start}: ${c.count} (open them)`;
    }
  }
  axis(chart, data, x, H - B);
  legend.replaceChildren(...data.series.map((s) => {
    const item = document.createElement("span");
    item.className = "legend-item";
    const sw = document.createElement("span");
    sw.className = "swatch";
    sw.style.background = colour(s.key);
    item.append(sw, `${s.name} (${s.total})`);
    return item;
  }));
}

// Month ticks (every month, or every quarter/year when there are many); a year's first tick
// and the axis's first tick carry the year.
function axis(chart, data, x, base) {
  const first = new Date(data.buckets[0].start), last = new Date(data.buckets[data.buckets.length - 1].end);
  const months = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth() + 1;
  const every = months <= 14 ? 1 : months <= 40 ? 3 : months <= 120 ? 12 : 60;
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  let labelled = false;
  for (let m = 0; m <= months; m++) {
    const d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1));
    if (d < first || d > last) continue;
    if (d.getUTCMonth() % Math.min(every, 12) !== 0 || (every > 12 && d.getUTCFullYear() % 5 !== 0)) continue;
    const at = x(d.getTime());
    svg("line", { x1: at, y1: base, x2: at, y2: base + 4, class: "axis" }, chart);
    const year = d.getUTCMonth() === 0 || !labelled;
    const label = every >= 12 ? String(d.getUTCFullYear()) : names[d.getUTCMonth()] + (year ? ` ${d.getUTCFullYear()}` : "");
    const text = svg("text", { x: at + 2, y: base + 15, class: year ? "year" : "" }, chart);
    text.textContent = label;
    labelled = true;
  }
}

async function main() {
  const box = document.getElementById("trend-chart");
  if (!box) return;
  const data = await (await fetch(box.dataset.src)).json();
  draw(box, document.getElementById("trend-legend"), data);
  box.scrollLeft = box.scrollWidth; // narrow screens scroll the chart: the latest weeks first
  box.dataset.ready = String(data.cells.length);
  document.body.dataset.ready = "1";
}

main().catch((err) => {
  const box = document.getElementById("trend-chart");
  if (box) box.textContent = "Could not load the counts: the table below still holds them.";
  throw err;
});
