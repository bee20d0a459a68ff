// Event page: bring the highlighted evidence sentence into view inside the article.
"use strict";
const evidence = document.querySelector("[data-evidence]");
if (evidence) evidence.scrollIntoView({ block: "center" });
