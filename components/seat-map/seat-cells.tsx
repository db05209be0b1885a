import { useLayoutEffect, useRef } from "react";
import { priceTextOf, seatAriaLabel } from "@/lib/seat-map/format";
import type { SeatGeometry } from "@/lib/seat-map/geometry";
import type { MapSeat, SeatState } from "@/lib/seat-map/types";
import { CELL, seatOrigin, type Frame } from "./drawing";

// The seat map's interactive layer: one transparent HTML cell per seat (role gridcell, in rows
// of role row), laid over the picture (seat-drawing.tsx) in the SVG's <foreignObject>, so the
// viewBox zooms and pans both at once. Cells carry the seat's accessible name, state, tab stop
// and hit area; pointer, keyboard and focus events bubble to the <svg>'s handlers.
//
// Why the cells are written here, as HTML, and not rendered by React: React's render and
// commit of 5,000 elements was about half of the map's first draw, and nothing about a cell
// needs React (no children, no handlers of its own). React owns the empty container; its effect
// fills it once per layout and then changes only the attributes of seats whose state changed.
// Cells share one class, and a row's place is its own inline style (rows are few), so Blink
// styles thousands of cells with one cached computation. Only the seat after an aisle carries
// its own margin.

type Layer = {
  geometry: SeatGeometry;
  frame: Frame;
  priceTexts: ReadonlyMap<string, string>;
  box: HTMLElement;
  states: Readonly<Record<string, SeatState>>;
  tabbable: HTMLElement | null;
};

type Props = {
  geometry: SeatGeometry;
  frame: Frame;
  states: Readonly<Record<string, SeatState>>;
  priceTexts: ReadonlyMap<string, string>;
  /** The seat holding the roving tab stop; null: no seat takes focus by Tab. */
  tabbableId: string | null;
};

/** The attributes of a seat's cell that follow its state (null: absent). */
function stateAttributes(seat: MapSeat, state: SeatState | undefined, priceText: string): Record<string, string | null> {
  return {
    "aria-label": seatAriaLabel(seat, priceText, state),
    "data-state": state ?? "available",
    "aria-selected": String(state === "mine"),
    "aria-disabled": state === "held" || state === "sold" ? "true" : null,
  };
}

const NEEDS_ESCAPE = /[&"<>]/;

/** Text for a double-quoted HTML attribute value (tested first: seat texts almost never need it). */
function attr(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`) : text;
}

function attributesHtml(attributes: Record<string, string | null>): string {
  let out = "";
  for (const name in attributes) if (attributes[name] !== null) out += ` ${name}="${attr(attributes[name])}"`;
  return out;
}

function setAttributes(el: Element, attributes: Record<string, string | null>) {
  for (const name in attributes) {
    const value = attributes[name];
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
  }
}

// The cells are written as one HTML string: the parser creates 5,000 elements with their
// attributes several times faster than as many createElement and setAttribute calls.
function buildLayer(box: HTMLElement, geometry: SeatGeometry, frame: Frame, priceTexts: ReadonlyMap<string, string>, states: Layer["states"]): Layer {
  const html: string[] = [];
  for (const row of geometry.rows) {
    const start = seatOrigin({ x: row.seats[0]?.x ?? frame.minX, y: row.y }, frame);
    html.push(`<div role="row" aria-label="Row ${attr(row.row)}" class="seat-row" style="left:${start.x}px;top:${start.y}px">`);
    let prev: MapSeat | null = null;
    for (const seat of row.seats) {
      // An aisle (or any gap in x), and the rare seat set off its row's line.
      const gap = prev ? (seat.x - prev.x - 1) * CELL : 0;
      const offset = (seat.y - row.y) * CELL;
      const style = gap !== 0 || offset !== 0 ? ` style="margin-left:${gap}px;margin-top:${offset}px"` : "";
      html.push(
        `<div role="gridcell" class="seat-cell" tabindex="-1" data-seat-id="${attr(seat.id)}"${attributesHtml(stateAttributes(seat, states[seat.id], priceTextOf(priceTexts, seat.tier)))}${style}></div>`,
      );
      prev = seat;
    }
    html.push("</div>");
  }
  box.innerHTML = html.join("");
  return { geometry, frame, priceTexts, box, states, tabbable: null };
}

/** A seat's cell: rows and cells are in the geometry's order. */
function cellOf(layer: Layer, seatId: string): HTMLElement | null {
  const place = layer.geometry.byId.get(seatId);
  return place ? ((layer.box.children[place.rowIndex]?.children[place.indexInRow] as HTMLElement | undefined) ?? null) : null;
}

/** Shows the seats whose state changed since the layer last showed `states`. */
function syncLayer(layer: Layer, states: Layer["states"]) {
  if (layer.states === states) return;
  for (const row of layer.geometry.rows) {
    for (const seat of row.seats) {
      const state = states[seat.id];
      if (state === layer.states[seat.id]) continue;
      const cell = cellOf(layer, seat.id);
      if (cell) setAttributes(cell, stateAttributes(seat, state, priceTextOf(layer.priceTexts, seat.tier)));
    }
  }
  layer.states = states;
}

function moveTabStop(layer: Layer, seatId: string | null) {
  const next = seatId ? cellOf(layer, seatId) : null;
  if (next === layer.tabbable) return;
  if (layer.tabbable) layer.tabbable.tabIndex = -1;
  if (next) next.tabIndex = 0;
  layer.tabbable = next;
}

/** The cells' container; fills itself in its layout effect, so the cells exist when the map commits. */
export function SeatCells({ geometry, frame, states, priceTexts, tabbableId }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<Layer | null>(null);
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    let layer = layerRef.current;
    if (!layer || layer.geometry !== geometry || layer.frame !== frame || layer.priceTexts !== priceTexts) {
      layer = buildLayer(box, geometry, frame, priceTexts, states);
      layerRef.current = layer;
    } else syncLayer(layer, states);
    moveTabStop(layer, tabbableId);
  }, [frame, geometry, priceTexts, states, tabbableId]);
  return <div ref={boxRef} className="seat-cells" />;
}
