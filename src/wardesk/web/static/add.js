// Add articles: sends pasted text, files and URLs one by one to POST /api/ingest with the
// token as a bearer header, shows the progress of the batch and each outcome with its reason.
"use strict";
const KEY = "wardesk-token";
const tokenBox = document.getElementById("add-token");
const progress = document.getElementById("add-progress");
const outcomes = document.getElementById("add-outcomes");
tokenBox.value = sessionStorage.getItem(KEY) || "";
tokenBox.addEventListener("change", () => sessionStorage.setItem(KEY, tokenBox.value.trim()));
document.getElementById("add-forget").addEventListener("click", () => {
  sessionStorage.removeItem(KEY);
  tokenBox.value = "";
});

function report(label, outcome, detail) {
  const item = document.createElement("li");
  const name = document.createElement("span");
  name.textContent = `${label}: `;
  const what = document.createElement("strong");
  what.className = `outcome-${outcome}`;
  what.textContent = outcome;
  item.append(name, what);
  if (detail.href) {
    const link = document.createElement("a");
    link.href = detail.href;
    link.textContent = detail.text;
    item.append(" ", link);
  } else if (detail.text) {
    item.append(` ${detail.text}`);
  }
  outcomes.append(item);
}

async function send(item) {
  const headers = { Authorization: `Bearer ${tokenBox.value.trim()}` };
  let body = item.form;
  if (!body) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(item.json);
  }
  const answer = await fetch("/api/ingest", { method: "POST", headers, body });
  let data = {};
  try { data = await answer.json(); } catch (err) { data = { detail: answer.statusText }; }
  if (!answer.ok) return report(item.label, "refused", { text: `(${answer.status}) ${data.detail || ""}` });
  if (data.outcome === "rejected") {
    return report(item.label, "rejected", { text: `${data.reason}: ${data.message || ""}` });
  }
  const events = `${data.events} event${data.events === 1 ? "" : "s"}`;
  return report(item.label, data.outcome, { href: `/articles/${encodeURIComponent(data.article_id)}`,
    text: data.outcome === "new" ? `open it (${events})` : "already stored: open it" });
}

async function run(items) {
  if (!tokenBox.value.trim()) {
    progress.textContent = "Paste the token first (step 1).";
    tokenBox.focus();
    return;
  }
  sessionStorage.setItem(KEY, tokenBox.value.trim());
  for (const [i, item] of items.entries()) {
    progress.textContent = `Sending ${i + 1} of ${items.length}: ${item.label}…`;
    try { await send(item); } catch (err) { report(item.label, "failed", { text: String(err) }); }
  }
  progress.textContent = `Done: ${items.length} of ${items.length} sent.`;
  progress.dataset.done = String(items.length);
}

document.getElementById("add-text").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const form = new FormData(ev.target);
  const json = { text: form.get("text"), title: form.get("title") || null,
    published: form.get("published") || null };
  run([{ label: json.title || "pasted text", json }]);
});

document.getElementById("add-files").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const form = new FormData(ev.target);
  const published = form.get("published") || null;
  const items = [];
  for (const file of document.getElementById("add-file").files) {
    const data = new FormData();
    data.append("file", file, file.name);
    if (published) data.append("published", published);
    items.push({ label: file.name, form: data });
  }
  for (const line of String(form.get("urls") || "").split("\n")) {
    const url = line.trim();
    if (url) items.push({ label: url, json: { url, published } });
  }
  if (items.length) run(items);
  else progress.textContent = "Choose files or give URLs first.";
});
