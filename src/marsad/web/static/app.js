// marsad's dashboard: the chart, the map, the reader's highlights. Data comes from JSON blocks
// in the page or from the app's own API; nothing is loaded from elsewhere. Text is always set
// with textContent, never as HTML.
"use strict";
const words = JSON.parse(document.getElementById("words").textContent);
const COLORS = { killed: "#b2182b", injured: "#ef8a62", casualties: "#d6604d", displaced: "#4393c3",
  evacuated: "#2166ac", trapped: "#762a83", present: "#9970ab", surrendered: "#5aae61",
  detained: "#1b7837", rescued: "#35978f", missing: "#8c510a" };

function json(id) { const el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; }

function el(tag, text, attrs) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

// overview: the best figures of incidents per day, one line per kind
const byDay = json("chart-data");
if (byDay && window.Chart && document.getElementById("chart")) {
  // the last 60 days the store has incidents for (older dates are background mentions)
  const last = byDay.reduce((m, r) => (r.day > m ? r.day : m), "");
  const from = new Date(Date.parse(last) - 60 * 864e5).toISOString().slice(0, 10);
  const recent = byDay.filter(r => r.day >= from);
  const days = [...new Set(recent.map(r => r.day))].sort();
  const kinds = [...new Set(recent.map(r => r.kind))];
  new Chart(document.getElementById("chart"), {
    type: "line",
    data: { labels: days, datasets: kinds.map(k => ({ label: words[k] || k, borderColor: COLORS[k], backgroundColor: COLORS[k],
      data: days.map(d => (recent.find(r => r.day === d && r.kind === k) || {}).figure || 0), tension: .2, pointRadius: 1 })) },
    options: { animation: false, scales: { y: { type: "logarithmic" } } } });
}

// event: the timeline of a rising toll
const timelines = json("timeline-data");
if (timelines && window.Chart && document.getElementById("timeline")) {
  const entries = Object.entries(timelines);
  const days = [...new Set(entries.flatMap(([, t]) => t.map(p => p.date)))].sort();
  new Chart(document.getElementById("timeline"), { type: "line",
    data: { labels: days, datasets: entries.map(([name, t]) => ({ label: name, stepped: true,
      data: days.map(d => { const p = t.filter(x => x.date <= d); return p.length ? p[p.length - 1].figure : null; }) })) },
    options: { animation: false } });
}

// reader: a click on a highlight shows its claim
const claims = json("claims-data");
if (claims) {
  const panel = document.getElementById("claim-panel");
  const show = mark => {
    document.querySelectorAll("mark.active").forEach(m => m.classList.remove("active"));
    mark.classList.add("active");
    const c = claims[Number(mark.dataset.claim)];
    panel.replaceChildren(el("h3", words.claim));
    const dl = el("dl");
    for (const [k, v] of [["kind", words[c.kind] || c.kind], ["figure", c.low === c.high ? c.low : c.high === null ? "≥ " + c.low : c.low === null ? "≤ " + c.high : `${c.low}–${c.high}`],
        ["group", c.group], ["source", c.source || "–"], ["stance", c.stance], ["place", c.place || "–"],
        ["date", (c.date_start || "") + (c.date_end && c.date_end !== c.date_start ? " – " + c.date_end : "")],
        ["quote", c.quote]]) {
      dl.append(el("dt", words[k] || k), el("dd", v));
    }
    panel.append(dl);
    panel.hidden = false;
  };
  document.querySelectorAll("mark[data-claim]").forEach(m => m.addEventListener("click", () => show(m)));
  if (location.hash) { const m = document.getElementById(location.hash.slice(1)); if (m) { m.scrollIntoView(); show(m); } }
}

// map: country borders from the package, events as circles sized by figure, coloured by kind;
// one actor's places by their state
const mapEl = document.getElementById("map");
if (mapEl && window.L) {
  const map = L.map(mapEl, { worldCopyJump: true, attributionControl: false }).setView([28, 40], 4);
  fetch("/static/vendor/world-atlas/countries-50m.json").then(r => r.json()).then(world => {
    L.geoJSON(topojson.feature(world, world.objects.countries),
      { style: { color: "#8a949b", weight: 1, fillColor: "#f2efe9", fillOpacity: 1 } }).addTo(map);
    load();
  });
  const events = L.layerGroup().addTo(map);
  const control = L.layerGroup().addTo(map);
  const STATE = { held: "#1b7837", lost: "#b2182b", "partly held": "#e08214", besieging: "#542788", contested: "#878787" };
  const form = document.getElementById("map-filters");
  async function load() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v && k !== "actor") params.set(k, v);
    const data = await (await fetch("/api/map?" + params)).json();
    events.clearLayers();
    for (const f of data.features) {
      const [lon, lat] = f.geometry.coordinates, p = f.properties;
      // area grows with the figure's order of magnitude: 1 → 4 px, 10 → 7, 1,000 → 13, capped
      const m = L.circleMarker([lat, lon], { radius: Math.min(18, 4 + 3 * Math.log10(1 + (p.best || 0))), color: COLORS[p.kind] || "#555",
        weight: 1, fillOpacity: .6, className: "event-marker" }).addTo(events);
      const box = el("div");
      box.append(el("a", `${p.place || ""} ${p.date_start || ""}`, { href: "/events/" + p.id }), el("div", `${words[p.kind] || p.kind || ""}: ${p.best ?? "–"}`));
      m.bindPopup(box);
    }
    document.getElementById("map-count").textContent = data.features.length;
    control.clearLayers();
    const actor = form.elements.actor.value;
    if (actor) {
      const state = await (await fetch("/api/control?" + new URLSearchParams({ actor }))).json();
      for (const f of state.features) {
        const [lon, lat] = f.geometry.coordinates, p = f.properties;
        L.circleMarker([lat, lon], { radius: 7, color: STATE[p.state] || "#333", weight: 3, fill: false, className: "control-marker" })
          .bindPopup(el("div", `${p.place}: ${p.state} (${p.date || ""})`)).addTo(control);
      }
    }
  }
  form.addEventListener("submit", e => { e.preventDefault(); load(); });
}
