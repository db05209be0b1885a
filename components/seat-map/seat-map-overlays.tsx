"use client";
import { useEffect, useMemo, useRef } from "react";
import type { SeatGeometry } from "@/lib/seat-map/geometry";
import type { SeatState } from "@/lib/seat-map/types";
import { CELL, LABEL_SPACE, SCREEN_SPACE, seatOrigin, type Frame } from "./drawing";
import { INK } from "./seat-look";
import type { View } from "./use-zoom-pan";
import type { ViewFeed } from "./view-feed";

// What keeps a customer oriented on a zoomed-in map, loaded after the seats (the showtime page's
// first-load JavaScript has no room): row letters pinned to the map's edges, a marker towards
// the screen once it is out of sight, and seat numbers once seats are big enough to read them.
// All are pictures for the eye (aria-hidden): the seats' cells already say "Row F, seat 7".

/** Seats at least this big (CSS px) show their numbers. */
export const NUMBERS_FROM_PX = 26;

type Props = { geometry: SeatGeometry; frame: Frame; feed: ViewFeed };

const pinClass = "pointer-events-none absolute inset-y-0 w-5 overflow-hidden data-[off=true]:hidden";
const labelClass = "absolute flex h-5 w-5 -translate-y-1/2 items-center justify-center bg-[#0f0f19]/80 text-xs font-semibold text-zinc-100";

/**
 * Row letters on the map's left and right edges while the drawn ones are out of view. Each
 * label's top is `k * y + ty` from two variables the view writes on its column.
 */
export function PinnedRowLabels({ geometry, frame, feed }: Props) {
  const left = useRef<HTMLDivElement>(null);
  const right = useRef<HTMLDivElement>(null);
  useEffect(
    () =>
      feed.subscribe((v, k) => {
        for (const [el, off] of [
          [left.current, v.x <= LABEL_SPACE / 2],
          [right.current, v.x + v.w >= frame.width - LABEL_SPACE / 2],
        ] as const) {
          if (!el) continue;
          el.dataset.off = String(off || k === 0);
          el.style.setProperty("--k", String(k));
          el.style.setProperty("--ty", `${-v.y * k}px`);
        }
      }),
    [feed, frame.width],
  );
  const labels = geometry.rows.map((row) => {
    const y = seatOrigin({ x: frame.minX, y: row.y }, frame).y + CELL / 2;
    return (
      <span key={row.row} className={labelClass} style={{ top: `calc(var(--k) * ${y}px + var(--ty))` }}>
        {row.row}
      </span>
    );
  });
  return (
    <div aria-hidden="true" data-testid="pinned-row-labels">
      <div ref={left} data-off="true" data-edge="left" className={`${pinClass} left-0 rounded-l-xl`}>
        {labels}
      </div>
      <div ref={right} data-off="true" data-edge="right" className={`${pinClass} right-0 rounded-r-xl`}>
        {labels}
      </div>
    </div>
  );
}

/** "Screen" with an arrow at the top of the map while the screen is scrolled out of view. */
export function ScreenMarker({ feed }: { feed: ViewFeed }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(
    () =>
      feed.subscribe((v) => {
        if (ref.current) ref.current.hidden = v.y < SCREEN_SPACE * 0.5;
      }),
    [feed],
  );
  return (
    <div ref={ref} hidden aria-hidden="true" className="pointer-events-none absolute inset-x-0 top-0 flex justify-center">
      <span className="rounded-b-md bg-[#0f0f19]/85 px-2 text-[11px] tracking-[0.2em] text-zinc-200">▲ SCREEN</span>
    </div>
  );
}

/**
 * Numbers on the free seats in (and around) the settled view once seats are big enough to
 * read them; taken seats carry their mark instead. Drawn in the SVG, so they zoom and pan with it.
 */
export function SeatNumbers({ geometry, frame, states, view, pxPerUnit }: { geometry: SeatGeometry; frame: Frame; states: Readonly<Record<string, SeatState>>; view: View; pxPerUnit: number }) {
  const show = pxPerUnit * CELL >= NUMBERS_FROM_PX;
  const texts = useMemo(() => {
    if (!show) return [];
    // The view plus half a view on every side, so a short pan shows numbers already there.
    const x0 = view.x - view.w / 2;
    const x1 = view.x + view.w * 1.5;
    const y0 = view.y - view.h / 2;
    const y1 = view.y + view.h * 1.5;
    const out: { id: string; x: number; y: number; n: number }[] = [];
    for (const row of geometry.rows) {
      const rowY = seatOrigin({ x: frame.minX, y: row.y }, frame).y;
      if (rowY + CELL < y0 || rowY > y1) continue;
      for (const seat of row.seats) {
        if (states[seat.id] !== undefined) continue;
        const o = seatOrigin(seat, frame);
        if (o.x + CELL < x0 || o.x > x1) continue;
        out.push({ id: seat.id, x: o.x + CELL / 2, y: o.y + CELL / 2, n: seat.number });
      }
    }
    return out;
  }, [frame, geometry, show, states, view]);
  if (!show) return null;
  return (
    <g aria-hidden="true" data-testid="seat-numbers" fontSize={3.6} fontWeight={700} fill={INK} textAnchor="middle" dominantBaseline="central" pointerEvents="none">
      {texts.map((t) => (
        <text key={t.id} x={t.x} y={t.y + 0.2}>
          {t.n}
        </text>
      ))}
    </g>
  );
}

/**
 * The whole house, small, with a frame around what the map shows: where you are. A tap on it
 * brings that part of the house into the map, zoomed to thumb-sized seats.
 */
export function SeatOverview({ geometry, frame, feed, onPick }: Props & { onPick: (point: { x: number; y: number }) => void }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const viewRef = useRef<SVGRectElement>(null);
  useEffect(
    () =>
      feed.subscribe((v: View) => {
        const r = viewRef.current;
        if (!r) return;
        // Clipped to the house: a view wider than it (the whole house) frames the house.
        const x = Math.max(0, v.x);
        const y = Math.max(0, v.y);
        r.setAttribute("x", String(x));
        r.setAttribute("y", String(y));
        r.setAttribute("width", String(Math.max(0, Math.min(frame.width, v.x + v.w) - x)));
        r.setAttribute("height", String(Math.max(0, Math.min(frame.height, v.y + v.h) - y)));
      }),
    [feed, frame.height, frame.width],
  );
  const blocks = useMemo(
    () =>
      geometry.rows.flatMap((row) =>
        row.blocks.map((block) => {
          const o = seatOrigin({ x: block.seats[0].x, y: row.y }, frame);
          return { key: `${row.row}:${block.seats[0].id}`, x: o.x + 1, y: o.y + 1.5, w: (block.seats[block.seats.length - 1].x - block.seats[0].x + 1) * CELL - 2 };
        }),
      ),
    [frame, geometry],
  );
  return (
    <svg
      ref={svgRef}
      aria-hidden="true"
      data-testid="seat-overview"
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      className="h-16 w-28 shrink-0 cursor-pointer rounded-md border border-zinc-500 bg-[#0f0f19]"
      onClick={(e) => {
        const ctm = svgRef.current?.getScreenCTM();
        if (!ctm) return;
        const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
        onPick({ x: p.x, y: p.y });
      }}
    >
      <path d={`M${LABEL_SPACE} ${SCREEN_SPACE * 0.45}H${frame.width - LABEL_SPACE}`} stroke="#cbd5e1" strokeWidth={6} />
      {blocks.map((b) => (
        <rect key={b.key} x={b.x} y={b.y} width={b.w} height={CELL - 3} fill="#64748b" />
      ))}
      <rect ref={viewRef} fill="none" stroke="#f5c451" strokeWidth={Math.max(3, frame.width / 80)} />
    </svg>
  );
}
