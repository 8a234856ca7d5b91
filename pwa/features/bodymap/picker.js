// "Where?" on the body map: tap a region on the front or back figure; the tap also opens a
// close-up of that part, where every region is big enough for a finger. Each region is a button
// with its name and side (Tab, Enter or Space). "Show as a list" gives the word chips instead,
// remembered on this phone.

import { el } from "../../lib/ui.js";
import { chips } from "../log/chips.js";
import { FIGURE_BOX, VIEW_NAMES, bodyMapSvg } from "./map.js";
import {
  VIEWS,
  cellLabel,
  cellsOf,
  placeLabel,
  placeOptions,
  regionOf,
  shapeOf,
  zoneOf,
} from "./regions.js";

export { placeLabel } from "./regions.js";

const LIST_KEY = "unknot-place-list";
const other = (side) => (side === "left" ? "right" : "left");

function listWanted() {
  try {
    return localStorage[LIST_KEY] === "1";
  } catch {
    return false;
  }
}

// "Left calf", "Calf, both sides", "Legs, left", "Other"
export function placeText(where, side) {
  const r = regionOf(where);
  if (r?.sided && (side === "left" || side === "right")) return cellLabel(`${where}|${side}`);
  if (r?.sided && side === "both") return `${r.label}, both sides`;
  return [placeLabel(where), !r && side && side].filter(Boolean).join(", ");
}

// The next place and side after a tap on `cell`: a second tap takes it off, the other side makes
// it "both". Without sides (weakness) a region is chosen whole. A region drawn without sides (the
// neck) keeps whatever side the person gave with the side chips.
export function afterTap(cell, where, side, sided) {
  const [key, s] = cell.split("|");
  if (!sided) return where === key ? [null, null] : [key, null];
  if (!s) return where === key ? [null, side ?? null] : [key, side ?? null];
  if (where !== key) return [key, s];
  if (side === s) return [null, null];
  if (side === "both") return [key, other(s)];
  if (side === other(s)) return [key, "both"];
  return [key, s];
}

// name: the record's field (its chips keep data-chips=name); sided: the record has a side;
// extra: choices not on the map ("other"); onChange(where, side).
// -> {node, set(where, side)}
export function placePicker({ name, label, sided, extra = ["other"], onChange }) {
  let where = null;
  let side = null;
  let view = "front";
  let close = null; // the cell whose close-up is open
  let asList = listWanted();
  const figure = el("div", { class: "bm-figure" });
  const status = el("p", { class: "bm-status", "aria-live": "polite", "data-place-status": "" });
  const closeTitle = el("p", { class: "hint", "data-zone": "" });
  const views = VIEWS.map((v) =>
    el(
      "button",
      { class: "btn", type: "button", "data-show-view": v, onclick: () => show(v, null) },
      VIEW_NAMES[v],
    ),
  );
  const whole = el(
    "button",
    {
      class: "btn btn-block",
      type: "button",
      "data-action": "whole-body",
      onclick: () => show(view, null),
    },
    "Show the whole body",
  );
  const notOnMap = chips({
    name: `${name}-elsewhere`,
    label: "Not on the map",
    options: extra.map((value) => ({ value, label: placeLabel(value) })),
    onChange: (v) => choose(v, side),
  });
  const mapPart = el(
    "div",
    { class: "stack bm-map" },
    el(
      "div",
      { class: "row bm-views", role: "group", "aria-label": "Which side of the body" },
      views,
    ),
    closeTitle,
    figure,
    whole,
    notOnMap.node,
  );
  const list = chips({
    name,
    label: "All places",
    options: placeOptions(...extra),
    onChange: (v) => choose(v, side),
  });
  const body = el("div", {});
  const toggle = el("button", {
    class: "btn btn-link",
    type: "button",
    "data-action": "place-list",
    onclick: () => {
      asList = !asList;
      try {
        localStorage[LIST_KEY] = asList ? "1" : "0"; // the next form opens the same way
      } catch {}
      mode();
    },
  });
  const node = el(
    "fieldset",
    { class: "chip-group place-picker", "data-chips": name, "data-place": name },
    el("legend", {}, label),
    status,
    body,
    toggle,
  );

  function choose(w, s) {
    where = w;
    side = s;
    draw();
    onChange(where, side);
  }

  function tap(cell) {
    const [w, s] = afterTap(cell, where, side, sided);
    if (w) close = cell;
    choose(w, s);
  }

  function show(v, cell) {
    view = v;
    close = cell;
    draw();
  }

  function draw() {
    const chosen = cellsOf(where, sided ? side : null);
    const zone = close && zoneOf(close, view);
    const had = figure.contains(document.activeElement) && document.activeElement.dataset.cell;
    const text = bodyMapSvg({
      view,
      selected: chosen,
      interactive: true,
      only: zone?.cells,
      box: zone?.box || FIGURE_BOX,
    });
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    figure.replaceChildren(document.importNode(doc.documentElement, true));
    figure.classList.toggle("bm-close", !!zone);
    if (had) figure.querySelector(`[data-cell="${had}"]`)?.focus();
    for (const b of views) b.setAttribute("aria-pressed", b.dataset.showView === view);
    closeTitle.textContent = zone ? `Close-up: ${zone.label.toLowerCase()}.` : "Tap where it is.";
    whole.hidden = !zone;
    notOnMap.set(extra.includes(where) ? where : null);
    const known = placeOptions(...extra);
    if (where && !known.some((o) => o.value === where))
      known.push({ value: where, label: placeLabel(where) }); // an old word: shown, kept
    list.setOptions(known, where);
    status.textContent = where ? `Chosen: ${placeText(where, side)}.` : "Nothing chosen yet.";
  }

  function mode() {
    body.replaceChildren(asList ? list.node : mapPart);
    toggle.textContent = asList ? "Show the body map" : "Show as a list";
  }

  const activate = (event) => {
    const cell = event.target.closest?.("[data-cell][role=button]");
    if (!cell) return;
    if (event.type === "keydown") {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
    }
    tap(cell.dataset.cell);
  };
  figure.addEventListener("click", activate);
  figure.addEventListener("keydown", activate);
  mode();
  draw();
  return {
    node,
    set(w, s) {
      if ((w ?? null) !== where) close = null; // another record: the whole body again
      where = w ?? null;
      side = s ?? null;
      // A calf is seen from the back: open the view that shows the place.
      const cells = cellsOf(where, sided ? side : null);
      if (!cells.some((c) => shapeOf(c, view)))
        view = VIEWS.find((v) => cells.some((c) => shapeOf(c, v))) || view;
      draw();
    },
  };
}
