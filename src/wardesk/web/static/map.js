// The map page: an offline basemap (world-atlas borders, GeoNames place names), the page's
// located events from its JSON twin, clustered on a pixel grid; a time slider that plays
// through days or weeks; a keyboard-usable list beside it. Text from the store only ever goes
// into textContent, and links only to http(s) or the desk's own paths.
"use strict";

const GRID = 48; // px: points closer than this on screen share a cluster
const LABEL_ZOOM = { 0: [2, 4], 1: [4, 99], 2: [5, 99], 3: [6, 99] }; // rank → zooms shown
// (rank 0: country names, drawn at the middle of each country's largest piece)
const DAY = 86400000;
const colour = window.wardeskColour;

function node(tag, text, className) {
  const n = document.createElement(tag);
  if (text !== undefined && text !== null) n.textContent = String(text);
  if (className) n.className = className;
  return n;
}

function safeHref(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}

function names(refs) {
  return [...new Set((refs || []).map((r) => r.actorText || r.actor).filter(Boolean))].join(", ");
}

// --- popups: the event's actors, deaths, reports, evidence and source (fetched on opening) --
async function fillPopup(box, point) {
  const answer = await fetch(`/api/events/${encodeURIComponent(point.id)}`);
  if (!answer.ok) { box.append(node("p", "Could not load this event.")); return; }
  const { event: e, article: a } = await answer.json();
  box.replaceChildren();
  const head = node("p", null, "popup-head");
  const link = node("a", e.event, "type");
  link.href = `/events/${encodeURIComponent(e.id)}`;
  head.append(link, node("span", ` ${point.date || "undated"} · ${point.place || ""}`, "muted"));
  box.append(head);
  const who = node("p");
  who.append(node("strong", names(e.source) || "?"));
  if ((e.target || []).length) who.append(" → ", node("strong", names(e.target)));
  box.append(who);
  const facts = [];
  if (e.dead !== null && e.dead !== undefined) facts.push(`${e.dead} dead`);
  if (e.injured) facts.push(`${e.injured} injured`);
  facts.push(`${e.status}, ${e.certainty}`);
  if (e.attribution && e.attribution.text) facts.push(`according to ${e.attribution.text}`);
  box.append(node("p", facts.join(" · "), "small"));
  if (e.evidence && e.evidence.text) box.append(node("blockquote", e.evidence.text, "evidence"));
  const source = node("p", null, "small");
  const title = (a && a.title) || e.article_title || "the article";
  const inDesk = node("a", title);
  inDesk.href = `/articles/${encodeURIComponent(e.article_id || "")}`;
  source.append("Report: ", inDesk);
  if (a && a.publisher) source.append(` (${a.publisher})`);
  const out = safeHref(e.url || (a && a.url));
  if (out) {
    const ext = node("a", "source ↗");
    ext.href = out;
    ext.rel = "noopener noreferrer";
    source.append(" · ", ext);
  }
  box.append(source);
}

let openPopup = null; // the popup on the map now: re-laid out (and panned into view) once filled

// An incident: its actors, deaths range, certainty across sources, and each report (publisher,
// date, the sentence, the article and its source link).
async function fillIncident(box, point) {
  const answer = await fetch(`/api/map/incidents/${encodeURIComponent(point.id)}`);
  if (!answer.ok) { box.replaceChildren(node("p", "Could not load this incident.")); return; }
  const i = await answer.json();
  box.replaceChildren();
  const head = node("p", null, "popup-head");
  const link = node("a", i.type, "type");
  link.href = `/incidents/${encodeURIComponent(i.id)}`;
  head.append(link, node("span", ` ${point.date || "undated"} · ${point.place || ""}`, "muted"));
  box.append(head);
  const who = node("p");
  who.append(node("strong", names(i.source) || "?"));
  if ((i.target || []).length) who.append(" → ", node("strong", names(i.target)));
  box.append(who);
  const facts = [];
  if (i.dead) facts.push(i.dead.min === i.dead.max ? `${i.dead.min} dead` : `${i.dead.min}–${i.dead.max} dead`);
  if (i.injured) facts.push(i.injured.min === i.injured.max ? `${i.injured.min} injured` : `${i.injured.min}–${i.injured.max} injured`);
  facts.push(`${i.status}, ${i.certainty}`);
  facts.push(`${i.report_count} report(s) from ${i.publishers} publisher(s)`);
  box.append(node("p", facts.join(" · "), "small"));
  const first = (i.reports || [])[0];
  if (first && first.evidence && first.evidence.text) box.append(node("blockquote", first.evidence.text, "evidence"));
  const list = node("ul", null, "compact reports");
  for (const r of i.reports || []) {
    const li = node("li");
    const art = node("a", r.title || r.publisher || "article");
    art.href = `/articles/${encodeURIComponent(r.article || "")}`;
    li.append(node("span", `${r.published || ""} ${r.publisher || ""}${r.dead !== null && r.dead !== undefined ? ` (${r.dead} dead)` : ""}: `, "muted"), art);
    const out = safeHref(r.url);
    if (out) {
      const ext = node("a", "source ↗");
      ext.href = out;
      ext.rel = "noopener noreferrer";
      li.append(" · ", ext);
    }
    list.append(li);
  }
  box.append(list);
}

function popupFor(point) {
  const box = node("div", "Loading…", "map-popup");
  box.dataset.event = point.id;
  (point.incident ? fillIncident(box, point) : fillPopup(box, point))
    .catch(() => { box.textContent = "Could not load this event."; })
    .then(() => { if (openPopup && openPopup.getContent() === box) openPopup.update(); });
  return box;
}

const POPUP = { minWidth: 260, maxWidth: 340 };

// --- time: steps of a day or a week from the first to the last dated point ------------------
function stepStart(day, step) {
  const t = day ? Date.parse(day) : NaN;
  if (step === "day") return t;
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday is 0
  return t - weekday * DAY;
}

// The slider's periods: from the first dated point to the last, except that outliers far back
// (a 1960 event among this year's) do not stretch it: it spans at most MAX_STEPS periods and
// starts after any gap of more than a fifth of that (older points show under "all dates").
const MAX_STEPS = 520;
function periods(points, step) {
  const dated = points.map((p) => stepStart(p.date, step)).filter((t) => !Number.isNaN(t)).sort((a, b) => a - b);
  if (!dated.length) return [];
  const size = step === "day" ? DAY : 7 * DAY;
  const last = dated[dated.length - 1];
  let i = 0;
  while ((last - dated[i]) / size >= MAX_STEPS) i++;
  while (i < dated.length - 1 && (dated[i + 1] - dated[i]) / size > MAX_STEPS / 5) i++;
  const out = [];
  for (let t = dated[i]; t <= last; t += size) out.push([t, t + size - DAY]);
  return out;
}

const iso = (t) => new Date(t).toISOString().slice(0, 10);

// --- the page ---------------------------------------------------------------------------
class DeskMap {
  constructor(el, points) {
    this.el = el;
    this.points = points;
    this.shown = points;
    this.map = L.map(el, { worldCopyJump: true, attributionControl: false, minZoom: 2, maxZoom: 12 })
      .setView([35, 20], 2);
    this.layer = L.layerGroup().addTo(this.map);
    this.markers = new Map(); // event id → marker on the map now
    this.map.on("zoomend moveend", () => this.draw());
    this.map.on("popupopen", (ev) => { openPopup = ev.popup; });
  }

  async basemap(worldUrl, placesUrl) {
    const world = await (await fetch(worldUrl)).json();
    const land = topojson.feature(world, world.objects.countries);
    L.geoJSON(land, { interactive: false, style: { stroke: false, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(this.map);
    const borders = topojson.mesh(world, world.objects.countries, (a, b) => a !== b);
    L.geoJSON(borders, { interactive: false, style: { color: "#8fa3b8", weight: 0.8 } }).addTo(this.map);
    const { places } = await (await fetch(placesUrl)).json();
    this.labels = { 0: L.layerGroup(), 1: L.layerGroup(), 2: L.layerGroup(), 3: L.layerGroup() };
    for (const feature of land.features) this.countryLabel(feature);
    for (const p of places) {
      const text = node("span", p.name);
      const icon = L.divIcon({ className: `place-label rank-${p.rank}`, html: text, iconSize: null });
      L.marker([p.lat, p.lon], { icon, interactive: false, keyboard: false }).addTo(this.labels[p.rank]);
    }
    this.map.on("zoomend", () => this.showLabels());
    this.showLabels();
  }

  countryLabel(feature) {
    const name = feature.properties && feature.properties.name;
    const geometry = feature.geometry;
    if (!name || !geometry) return;
    const rings = geometry.type === "MultiPolygon" ? geometry.coordinates : [geometry.coordinates];
    let best = null, bestArea = 0;
    for (const polygon of rings) {
      const b = L.latLngBounds(polygon[0].map(([lon, lat]) => [lat, lon]));
      const area = (b.getNorth() - b.getSouth()) * (b.getEast() - b.getWest());
      if (area > bestArea) { best = b; bestArea = area; }
    }
    if (!best || bestArea < 12) return; // too small to name at these zooms
    const icon = L.divIcon({ className: "place-label country-label", html: node("span", name), iconSize: null });
    L.marker(best.getCenter(), { icon, interactive: false, keyboard: false }).addTo(this.labels[0]);
  }

  showLabels() {
    const zoom = this.map.getZoom();
    for (const [rank, group] of Object.entries(this.labels)) {
      const [from, to] = LABEL_ZOOM[rank];
      if (zoom >= from && zoom <= to) group.addTo(this.map); else group.remove();
    }
  }

  fit() {
    const located = this.points.map((p) => [p.lat, p.lon]);
    if (located.length) this.map.fitBounds(L.latLngBounds(located).pad(0.3), { maxZoom: 6 });
  }

  filterTime(range) {
    this.shown = range
      ? this.points.filter((p) => p.date && Date.parse(p.date) >= range[0] && Date.parse(p.date) <= range[1])
      : this.points;
    this.draw();
  }

  // Country-level points: one hollow ring per country. Point places: grid clusters.
  draw() {
    this.layer.clearLayers();
    this.markers.clear();
    const zoom = this.map.getZoom();
    const cells = new Map();
    const countries = new Map();
    for (const p of this.shown) {
      if (p.kind === "country") {
        const key = `${p.country}|${p.lat}|${p.lon}`;
        if (!countries.has(key)) countries.set(key, []);
        countries.get(key).push(p);
        continue;
      }
      const xy = this.map.project([p.lat, p.lon], zoom);
      const key = `${Math.floor(xy.x / GRID)}|${Math.floor(xy.y / GRID)}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(p);
    }
    for (const group of countries.values()) this.drawCountry(group);
    for (const group of cells.values()) {
      if (group.length === 1) this.drawPoint(group[0]); else this.drawCluster(group);
    }
    this.el.dataset.ready = String(this.shown.length);
    this.el.dataset.clusters = String([...cells.values()].filter((g) => g.length > 1).length);
  }

  drawPoint(p) {
    const marker = L.circleMarker([p.lat, p.lon], {
      radius: 7, color: "#fff", weight: 1.5, fillColor: colour(p.event), fillOpacity: 0.95,
      className: `event-point type-${p.event}`,
    }).bindPopup(() => popupFor(p), POPUP);
    marker.bindTooltip(`${p.event} · ${p.place || ""}`);
    marker.addTo(this.layer);
    this.markers.set(p.id, marker);
  }

  drawCountry(group) {
    const p = group[0];
    const marker = L.circleMarker([p.lat, p.lon], {
      radius: 11 + Math.min(10, Math.sqrt(group.length) * 2), color: colour(dominant(group)),
      weight: 2.5, dashArray: "4 3", fill: true, fillOpacity: 0.08, className: "event-country",
    });
    marker.bindTooltip(`${group.length} event(s) known only as ${p.place || p.country}`);
    marker.bindPopup(() => clusterList(group, `Known only as ${p.place || p.country}`), { maxWidth: 320 });
    marker.addTo(this.layer);
    for (const q of group) this.markers.set(q.id, marker);
  }

  drawCluster(group) {
    const lat = group.reduce((s, p) => s + p.lat, 0) / group.length;
    const lon = group.reduce((s, p) => s + p.lon, 0) / group.length;
    const badge = node("span", group.length);
    badge.style.background = colour(dominant(group));
    const icon = L.divIcon({ className: "event-cluster", html: badge, iconSize: [30, 30] });
    const marker = L.marker([lat, lon], { icon, title: `${group.length} events`, keyboard: true });
    const bounds = L.latLngBounds(group.map((p) => [p.lat, p.lon]));
    const samePlace = bounds.getNorthEast().equals(bounds.getSouthWest());
    if (samePlace || this.map.getZoom() >= this.map.getMaxZoom()) {
      marker.bindPopup(() => clusterList(group, group[0].place || "Here"), { maxWidth: 320 });
    } else {
      marker.on("click", () => this.map.fitBounds(bounds.pad(0.5)));
    }
    marker.addTo(this.layer);
    for (const p of group) this.markers.set(p.id, marker);
  }

  // From the list: centre the event and open its own popup (zooming until it stands alone).
  open(p) {
    this.el.scrollIntoView({ block: "nearest" }); // on a phone the list is below the map
    this.map.setView([p.lat, p.lon], Math.max(this.map.getZoom(), p.kind === "country" ? 4 : 8));
    const marker = this.markers.get(p.id);
    if (!marker) return;
    if (marker instanceof L.CircleMarker && p.kind !== "country") marker.openPopup();
    else L.popup(POPUP).setLatLng([p.lat, p.lon]).setContent(popupFor(p)).openOn(this.map);
  }
}

function dominant(group) {
  const counts = {};
  for (const p of group) counts[p.event] = (counts[p.event] || 0) + 1;
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
}

function clusterList(group, title) {
  const box = node("div", null, "map-popup");
  box.append(node("p", `${title}: ${group.length} event(s)`, "popup-head"));
  const list = node("ul", null, "compact");
  for (const p of group.slice(0, 30)) {
    const li = node("li");
    const a = node("a", p.event, "type");
    a.href = `/${p.incident ? "incidents" : "events"}/${encodeURIComponent(p.id)}`;
    li.append(a, ` ${p.date || "undated"} ${p.place || ""}`);
    list.append(li);
  }
  box.append(list);
  if (group.length > 30) box.append(node("p", `and ${group.length - 30} more`, "muted"));
  return box;
}

function drawList(deskMap, points) {
  const list = document.getElementById("map-list");
  const shown = points.slice(0, 200);
  list.replaceChildren(...shown.map((p) => {
    const li = node("li");
    const button = node("button", null, "linkish");
    button.type = "button";
    const sw = node("span", null, "swatch");
    sw.style.background = colour(p.event);
    const toll = p.dead && typeof p.dead === "object"
      ? (p.dead.min === p.dead.max ? ` · ${p.dead.min} dead` : ` · ${p.dead.min}–${p.dead.max} dead`)
      : (typeof p.dead === "number" ? ` · ${p.dead} dead` : "");
    button.append(sw, node("span", p.event, "type"), ` ${p.date || "undated"} · ${p.place || p.country || ""}${toll}`,
      node("span", p.kind === "country" ? " ◌" : " ●", "muted"));
    button.addEventListener("click", () => deskMap.open(p));
    li.append(button);
    return li;
  }));
  document.getElementById("map-count").textContent = String(points.length);
  document.getElementById("map-note").textContent =
    points.length > shown.length ? `The list shows the newest ${shown.length}.` : "";
}

function drawLegend(points) {
  const box = document.getElementById("map-legend");
  const types = [...new Set(points.map((p) => p.event))].sort();
  box.replaceChildren(...types.map((t) => {
    const item = node("span", null, "legend-item");
    const sw = node("span", null, "swatch");
    sw.style.background = colour(t);
    item.append(sw, t);
    return item;
  }));
}

function timeControls(deskMap, points) {
  const slider = document.getElementById("map-time");
  const when = document.getElementById("map-when");
  const step = document.getElementById("map-step");
  const play = document.getElementById("map-play");
  let steps = [];
  let timer = 0;
  const show = () => {
    const range = steps[Number(slider.value)];
    deskMap.filterTime(range);
    const within = range ? points.filter((p) => p.date && Date.parse(p.date) >= range[0] && Date.parse(p.date) <= range[1]) : points;
    when.textContent = range ? (step.value === "day" ? iso(range[0]) : `week of ${iso(range[0])}`) + ` · ${within.length} events` : "All dates";
    drawList(deskMap, within);
  };
  const setup = () => {
    steps = periods(points, step.value);
    slider.max = String(Math.max(0, steps.length - 1));
    slider.disabled = steps.length < 2;
    play.disabled = steps.length < 2;
    const older = steps.length ? points.filter((p) => p.date && Date.parse(p.date) < steps[0][0]).length : 0;
    slider.title = older ? `${older} older event(s) show under all dates only` : "";
  };
  const stop = () => { clearInterval(timer); timer = 0; play.textContent = "Play"; play.setAttribute("aria-pressed", "false"); };
  slider.addEventListener("input", show);
  step.addEventListener("change", () => { stop(); setup(); slider.value = "0"; show(); });
  document.getElementById("map-all").addEventListener("click", () => {
    stop(); deskMap.filterTime(null); when.textContent = "All dates"; drawList(deskMap, points);
  });
  play.addEventListener("click", () => {
    if (timer) { stop(); return; }
    play.textContent = "Pause";
    play.setAttribute("aria-pressed", "true");
    if (Number(slider.value) >= steps.length - 1) slider.value = "0";
    show();
    timer = setInterval(() => {
      if (Number(slider.value) >= steps.length - 1) { stop(); return; }
      slider.value = String(Number(slider.value) + 1);
      show();
    }, 900);
  });
  setup();
}

async function main() {
  const el = document.getElementById("map");
  if (!el || typeof L === "undefined" || typeof topojson === "undefined") return;
  const data = await (await fetch(el.dataset.src)).json();
  const points = data.points || [];
  const deskMap = new DeskMap(el, points);
  await deskMap.basemap(el.dataset.world, el.dataset.places);
  deskMap.fit();
  deskMap.draw();
  drawLegend(points);
  drawList(deskMap, points);
  timeControls(deskMap, points);
  if (data.truncated) {
    document.getElementById("map-note").textContent = `The map shows the newest ${data.limit} located events: narrow the filters to see older ones.`;
  }
  if (!points.length) document.getElementById("map-note").textContent = "No located events match these filters.";
  document.body.dataset.ready = "1";
}

main().catch((err) => {
  const note = document.getElementById("map-note");
  if (note) note.textContent = "Could not load the map's data.";
  throw err;
});
