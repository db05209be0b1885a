"use client";
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type PointerEvent } from "react";
import { priceTextOf } from "@/lib/seat-map/format";
import type { SeatGeometry } from "@/lib/seat-map/geometry";
import type { GridKey } from "@/lib/seat-map/grid-navigation";
import { seatAtPoint } from "@/lib/seat-map/hit-test";
import type { SeatState } from "@/lib/seat-map/types";
import { CELL, LABEL_SPACE, SCREEN_SPACE, gridPointOf, mapBoxStyle, seatOrigin, type Frame } from "./drawing";
import { SeatCells } from "./seat-cells";
import { SeatDrawing } from "./seat-drawing";
import type { TooltipAnchor } from "./seat-tooltip";
import { useZoomPan } from "./use-zoom-pan";
import { createViewFeed } from "./view-feed";
import { ZoomButtons } from "./zoom-buttons";

type Props = {
  geometry: SeatGeometry;
  frame: Frame;
  states: Readonly<Record<string, SeatState>>;
  screenName: string;
  prefix: string;
  priceTexts: ReadonlyMap<string, string>;
  colours: ReadonlyMap<string, string>;
  onToggle: (seatId: string) => void;
  /** Tells the parent which seat the customer is looking at (to warn when it is taken). */
  onWatch: (kind: "focus" | "pointer", seatId: string | null) => void;
  /** More controls for the row under the map (the list view toggle). */
  controls?: React.ReactNode;
  /** A picture only (the layout editor's preview): no seat takes focus, no zoom controls. */
  readOnly?: boolean;
  /** Where a phone opens the map, zoomed in (a point in grid units): the best seats. Default: the middle. */
  focus?: { x: number; y: number };
};

const LABEL_COLOUR = "#cbd5e1";

// The seat card loads with the first hover, long press or keyboard focus on a seat: it is not
// needed to draw the map, and the showtime page's first-load JavaScript has no room to spare.
const SeatTooltip = lazy(() => import("./seat-tooltip").then((m) => ({ default: m.SeatTooltip })));
// Orientation aids, after the seats for the same reason, and only once the map is zoomed in (a
// phone opens it so): the whole house needs no overview, pinned letters or numbers.
const overlays = () => import("./seat-map-overlays");
const PinnedRowLabels = lazy(() => overlays().then((m) => ({ default: m.PinnedRowLabels })));
const ScreenMarker = lazy(() => overlays().then((m) => ({ default: m.ScreenMarker })));
const SeatNumbers = lazy(() => overlays().then((m) => ({ default: m.SeatNumbers })));
const SeatOverview = lazy(() => overlays().then((m) => ({ default: m.SeatOverview })));

// Thumb-sized targets (WCAG 2.5.8 asks for 24 CSS px; a fingertip is about 44): a phone opens the
// map with seats of OPEN_SEAT_PX, and a tap on a map whose seats are smaller than MIN_TAP_SEAT_PX
// zooms there to ZOOMED_SEAT_PX instead of guessing a seat.
const MIN_TAP_SEAT_PX = 24;
const OPEN_SEAT_PX = 28;
const ZOOMED_SEAT_PX = 48;

type TipSource = "pointer" | "press" | "focus";

// Arrow-key moves load when a seat first takes focus (before any key can reach it), not with the
// page: most customers tap or click.
const GRID_KEYS = new Set<string>(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"]);
let gridNavigation: Promise<typeof import("@/lib/seat-map/grid-navigation")> | null = null;
const loadGridNavigation = () => (gridNavigation ??= import("@/lib/seat-map/grid-navigation"));

function seatIdOf(target: EventTarget | null): string | null {
  return (target as Element | null)?.closest?.("[data-seat-id]")?.getAttribute("data-seat-id") ?? null;
}

export function SeatCanvas({ geometry, frame, states, screenName, prefix, priceTexts, colours, onToggle, onWatch, controls, readOnly = false, focus }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [feed] = useState(createViewFeed);
  const helpId = useId();
  const [focusedId, setFocusedId] = useState<string | null>(() => geometry.rows[0]?.seats[0]?.id ?? null);
  // "pointer" follows the mouse, "press" stays after a long press until the next touch,
  // "focus" follows keyboard focus.
  const [tip, setTip] = useState<(TooltipAnchor & { source: TipSource }) | null>(null);

  const tabbableId = readOnly ? null : focusedId && geometry.byId.has(focusedId) ? focusedId : (geometry.rows[0]?.seats[0]?.id ?? null);

  const seatElement = useCallback((id: string) => svgRef.current?.querySelector<HTMLElement>(`[data-seat-id="${CSS.escape(id)}"]`) ?? null, []);

  const showTip = useCallback(
    (id: string, source: TipSource) => {
      const el = seatElement(id);
      const place = geometry.byId.get(id);
      const box = boxRef.current?.getBoundingClientRect();
      if (!el || !place || !box) return;
      const r = el.getBoundingClientRect();
      setTip({ seat: place.seat, left: r.left + r.width / 2 - box.left, top: r.top - box.top, bottom: r.bottom - box.top, containerWidth: box.width, source });
    },
    [geometry, seatElement],
  );

  const zoom = useZoomPan(svgRef, frame.width, frame.height, {
    onLongPress: (target) => {
      const id = seatIdOf(target);
      if (id) {
        showTip(id, "press");
        onWatch("pointer", id);
      }
    },
    onViewChange: (v, k) => {
      setTip(null);
      feed.publish(v, k);
    },
    initialView: (boxWidth, fitPxPerUnit) => {
      if (readOnly || fitPxPerUnit * CELL >= MIN_TAP_SEAT_PX || !window.matchMedia("(pointer: coarse)").matches) return null;
      const centre = focus ? seatOrigin(focus, frame) : { x: frame.width / 2, y: frame.height / 2 };
      return { centre, pxPerUnit: OPEN_SEAT_PX / CELL };
    },
  });

  // A new focus (the customer chose an area in best available): a phone's map goes there at the
  // seat size it opens with (or larger, if already zoomed further). A house whose fitted seats a
  // finger can take stays as it is while fitted, as it opened.
  const shownFocus = useRef(focus);
  useEffect(() => {
    if (shownFocus.current === focus) return;
    shownFocus.current = focus;
    if (!focus || readOnly || !window.matchMedia("(pointer: coarse)").matches) return;
    const fitted = zoom.scale <= 1.001;
    if (fitted && (zoom.pxPerUnit / zoom.scale) * CELL >= MIN_TAP_SEAT_PX) return;
    zoom.zoomTo(seatOrigin(focus, frame), Math.max(zoom.pxPerUnit, OPEN_SEAT_PX / CELL));
  }, [focus, frame, readOnly, zoom]);

  // Once loaded, the aids stay (zooming out again should not unmount and reload them).
  const [aids, setAids] = useState(false);
  if (!aids && !readOnly && zoom.scale > 1.001) setAids(true);

  const focusSeat = useCallback(
    (id: string) => {
      const place = geometry.byId.get(id);
      if (place) {
        const { x, y } = seatOrigin(place.seat, frame);
        zoom.reveal({ x, y, w: CELL, h: CELL });
      }
      seatElement(id)?.focus({ preventScroll: true });
    },
    [frame, geometry, seatElement, zoom],
  );

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const id = seatIdOf(e.target);
    if (!id) return;
    if (GRID_KEYS.has(e.key)) {
      e.preventDefault();
      const key = e.key as GridKey;
      const toCorner = e.ctrlKey || e.metaKey;
      void loadGridNavigation().then((m) => focusSeat(m.moveInGrid(geometry, id, key, toCorner)));
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onToggle(id);
    }
  };

  // Where the finger or pointer went down: the click that follows a touch may carry the
  // browser's touch-adjusted target and position (a nearby seat, even one in the next row).
  const downAt = useRef<{ x: number; y: number; touch: boolean } | null>(null);

  const toContent = (clientX: number, clientY: number) => {
    const ctm = svgRef.current?.getScreenCTM();
    return ctm ? new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse()) : null;
  };

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    if (zoom.takeClickSuppression()) return;
    const at = downAt.current;
    downAt.current = null;
    // A click with no pointer behind it (detail 0: assistive technology activating a cell) names
    // its seat by its target.
    if (e.detail === 0 || !at) {
      const id = seatIdOf(e.target);
      if (id) onToggle(id);
      return;
    }
    const p = toContent(at.x, at.y);
    if (!p) return;
    // Seats too small for a fingertip: the tap zooms there instead of guessing.
    if (at.touch && zoom.pxPerUnit * CELL < MIN_TAP_SEAT_PX) {
      zoom.zoomTo(p, ZOOMED_SEAT_PX / CELL);
      return;
    }
    // A tap or click picks the seat under it or nothing (lib/seat-map/hit-test).
    const id = seatAtPoint(geometry, gridPointOf(p, frame))?.id;
    if (id) onToggle(id);
  };

  const onFocus = (e: FocusEvent<SVGSVGElement>) => {
    const id = seatIdOf(e.target);
    if (!id) return;
    void loadGridNavigation();
    setFocusedId(id);
    onWatch("focus", id);
    // The focus ring itself is the global :focus-visible outline, which Chromium draws on SVG too.
    if ((e.target as Element).matches(":focus-visible")) showTip(id, "focus");
  };

  const onBlur = (e: FocusEvent<SVGSVGElement>) => {
    if (svgRef.current?.contains(e.relatedTarget as Node | null)) return;
    onWatch("focus", null);
    setTip((t) => (t?.source === "focus" ? null : t));
  };

  const onPointerOver = (e: PointerEvent<SVGSVGElement>) => {
    if (e.pointerType !== "mouse") return;
    const id = seatIdOf(e.target);
    onWatch("pointer", id);
    if (id) showTip(id, "pointer");
    else setTip((t) => (t?.source === "pointer" ? null : t));
  };

  // Touch pointers "leave" as the finger lifts; only the mouse really leaves.
  const onPointerLeave = (e: PointerEvent<SVGSVGElement>) => {
    if (e.pointerType !== "mouse") return;
    onWatch("pointer", null);
    setTip((t) => (t?.source === "pointer" ? null : t));
  };

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.isPrimary) downAt.current = { x: e.clientX, y: e.clientY, touch: e.pointerType !== "mouse" };
    setTip((t) => (t?.source === "press" ? null : t));
    zoom.handlers.onPointerDown(e);
  };

  // The tip follows its seat when the seat's state changes under it (e.g. someone takes it).
  const tipState = tip ? states[tip.seat.id] : undefined;

  const screenY = SCREEN_SPACE * 0.35;
  return (
    <div ref={boxRef} className="relative">
      <p id={helpId} className="sr-only">
        Arrow keys move between seats, Home and End go to the ends of a row, Enter or Space selects or releases a seat. A list
        view of the seats follows the map.
      </p>
      <div className="seat-map-box relative mx-auto w-full overflow-hidden rounded-xl border border-line bg-[#0f0f19]" style={mapBoxStyle(frame)}>
        <svg
          ref={svgRef}
          role="grid"
          aria-label={`Seats, ${screenName}`}
          aria-describedby={helpId}
          aria-multiselectable="true"
          viewBox={`0 0 ${frame.width} ${frame.height}`}
          preserveAspectRatio="xMidYMid meet"
          // The seat cells' rules (size, cursor, focus outline) are in app/globals.css.
          className="block h-full w-full select-none"
          style={{ touchAction: "none", WebkitTapHighlightColor: "transparent" }}
          onClick={onClick}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onBlur={onBlur}
          onPointerOver={onPointerOver}
          onPointerLeave={onPointerLeave}
          {...zoom.handlers}
          onPointerDown={onPointerDown}
        >
          <g aria-hidden="true">
            <path
              d={`M${LABEL_SPACE} ${screenY + 6} Q${frame.width / 2} ${screenY - 6} ${frame.width - LABEL_SPACE} ${screenY + 6}`}
              fill="none"
              stroke={LABEL_COLOUR}
              strokeWidth={2.5}
              strokeLinecap="round"
            />
            <text x={frame.width / 2} y={SCREEN_SPACE * 0.62} textAnchor="middle" fontSize={6} letterSpacing={3} fill={LABEL_COLOUR}>
              SCREEN
            </text>
            {geometry.rows.map((row) => {
              const y = seatOrigin({ x: frame.minX, y: row.y }, frame).y + CELL / 2;
              return (
                <g key={row.row} fontSize={6.5} fill={LABEL_COLOUR} fontWeight={600}>
                  <text x={LABEL_SPACE / 2} y={y} textAnchor="middle" dominantBaseline="central">
                    {row.row}
                  </text>
                  <text x={frame.width - LABEL_SPACE / 2} y={y} textAnchor="middle" dominantBaseline="central">
                    {row.row}
                  </text>
                </g>
              );
            })}
          </g>
          <SeatDrawing geometry={geometry} states={states} colours={colours} prefix={prefix} frame={frame} />
          {aids && (
            <Suspense fallback={null}>
              <SeatNumbers geometry={geometry} frame={frame} states={states} view={zoom.view} pxPerUnit={zoom.pxPerUnit} />
            </Suspense>
          )}
          <foreignObject width={frame.width} height={frame.height}>
            <SeatCells geometry={geometry} frame={frame} states={states} priceTexts={priceTexts} tabbableId={tabbableId} />
          </foreignObject>
        </svg>
        {aids && (
          <Suspense fallback={null}>
            <PinnedRowLabels geometry={geometry} frame={frame} feed={feed} />
            <ScreenMarker feed={feed} />
          </Suspense>
        )}
      </div>
      {!readOnly && (
        <>
          {/* Wraps on a phone: the list view toggle takes the next line. */}
          <div className="mt-2 flex flex-wrap items-center gap-3">
            {aids && (
              <Suspense fallback={null}>
                <SeatOverview geometry={geometry} frame={frame} feed={feed} onPick={(p) => zoom.zoomTo(p, Math.max(zoom.pxPerUnit, ZOOMED_SEAT_PX / CELL))} />
              </Suspense>
            )}
            <ZoomButtons zoom={zoom} />
            <div className="ml-auto">{controls}</div>
          </div>
          <p className="mt-1 text-xs text-zinc-300">
            <span className="pointer-coarse:hidden">Ctrl + scroll or the buttons zoom; drag, scroll or the arrows move around.</span>
            <span className="hidden pointer-coarse:inline">Pinch or use the buttons to zoom; drag or the arrows move around.</span>
          </p>
        </>
      )}
      {tip && (
        <Suspense fallback={null}>
          <SeatTooltip anchor={tip} state={tipState} priceText={priceTextOf(priceTexts, tip.seat.tier)} />
        </Suspense>
      )}
    </div>
  );
}
