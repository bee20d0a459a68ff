// Actor suggestions for every input with data-suggest: the actors API's matches fill the
// input's datalist (ids as values, names as labels; text only, never markup).
"use strict";
for (const input of document.querySelectorAll("input[data-suggest]")) {
  const list = document.getElementById(input.getAttribute("list"));
  if (!list) continue;
  let timer = 0;
  let asked = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = input.value.trim();
      if (text.length < 2 || text === asked) return;
      asked = text;
      const url = `${input.dataset.suggest}?${new URLSearchParams({ text, limit: "12" })}`;
      const answer = await fetch(url);
      if (!answer.ok || text !== input.value.trim()) return;
      const { actors } = await answer.json();
      list.replaceChildren(...(actors || []).map((a) => {
        const option = document.createElement("option");
        option.value = a.id;
        option.label = `${a.name}${a.country ? ` (${a.country})` : ""}`;
        return option;
      }));
    }, 200);
  });
}
