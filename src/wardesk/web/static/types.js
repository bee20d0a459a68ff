// Colours per PLOVER event type, shared by the map and the trends charts (engineer D's pages).
"use strict";
window.WARDESK_TYPES = {
  ASSAULT: "#b83232", COERCE: "#d2691e", MOBILIZE: "#e08e45", SANCTION: "#c4a000",
  PROTEST: "#a05195", THREATEN: "#d45087", ACCUSE: "#b7791f", REJECT: "#8c564b",
  REQUEST: "#9a7d0a", CONSULT: "#1f6fa8", AGREE: "#2f7d4f", SUPPORT: "#4c9f70",
  COOPERATE: "#17becf", AID: "#2ca02c", CONCEDE: "#7f7fbf", RETREAT: "#6a7785",
};
window.wardeskColour = (type) => window.WARDESK_TYPES[type] || "#888";
