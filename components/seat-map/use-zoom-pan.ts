"use client";
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from "react";

// Pinch-zoom and pan by moving the SVG's viewBox. Gestures write the attribute straight to the
// DOM on every pointer move (no React render per frame); React only hears the settled zoom
// level and which edges the view is at, for the buttons. A drag or pinch swallows the click that ends it, so panning never
// toggles a seat; a touch held still for LONG_PRESS_MS reports a long press instead. Every
// gesture has a one-tap alternative (WCAG 2.2, 2.5.7 Dragging Movements): the zoom buttons and
// the move buttons (`panStep`).

export type View = { x: number; y: number; w: number; h: number };
type Point = { x: number; y: number };
export type ContentBox = { x: number; y: number; w: number; h: number };

const LONG_PRESS_MS = 500;
const DRAG_THRESHOLD = { mouse: 5, touch: 10 };
const WHEEL_ZOOM_SPEED = 0.0025;
/** Closer than this (SVG units) to an edge counts as at it. */
const EDGE = 0.01;
const NO_ROOM: PanRoom = { left: false, right: false, up: false, down: false };
const sameRoom = (a: PanRoom, b: PanRoom) => a.left === b.left && a.right === b.right && a.up === b.up && a.down === b.down;

/** Which way the settled view can still move (false: it is at that edge of the house). */
export type PanRoom = { left: boolean; right: boolean; up: boolean; down: boolean };

export type ZoomPan = {
  /** Settled zoom level: 1 is the whole house. */
  scale: number;
  /** The settled view (SVG user units) and how many CSS px one unit takes in it. */
  view: View;
  pxPerUnit: number;
  /** Zooms so a unit is at least `pxPerUnit` CSS px, centred on a point (SVG user units). */
  zoomTo: (centre: Point, pxPerUnit: number) => void;
  maxScale: number;
  room: PanRoom;
  zoomBy: (factor: number) => void;
  reset: () => void;
  /** Moves the view by a share of its own size (0.5, 0: half a view to the right). */
  panStep: (fx: number, fy: number) => void;
  /** Pans just enough to bring a box (SVG user units) into view. */
  reveal: (box: ContentBox) => void;
  /** True once after a drag or long press: the click that follows is not a tap. */
  takeClickSuppression: () => boolean;
  handlers: {
    onPointerDown: (e: ReactPointerEvent<SVGSVGElement>) => void;
    onPointerMove: (e: ReactPointerEvent<SVGSVGElement>) => void;
    onPointerUp: (e: ReactPointerEvent<SVGSVGElement>) => void;
    onPointerCancel: (e: ReactPointerEvent<SVGSVGElement>) => void;
  };
};

/** Seats get at least this big at the deepest zoom (CSS px per CELL of 10 units): 56 px. */
const MAX_PX_PER_UNIT = 5.6;

type Settled = { scale: number; maxScale: number; room: PanRoom; view: View; pxPerUnit: number };

export function useZoomPan(
  svgRef: RefObject<SVGSVGElement | null>,
  width: number,
  height: number,
  callbacks: {
    onLongPress: (target: Element) => void;
    /** Every change of the view, gesture frames included (DOM overlays follow it without React). */
    onViewChange: (view: View, pxPerUnit: number) => void;
    /** Where to open (SVG user units) and at what size, or null for the whole house. */
    initialView?: (boxWidth: number, fitPxPerUnit: number) => { centre: Point; pxPerUnit: number } | null;
  },
): ZoomPan {
  // The box's size in CSS px: the view has the box's shape, so the map fills whatever height the
  // page gives it (no letterbox). Read when the box is measured, and on every resize.
  const box = useRef({ w: 0, h: 0 });
  const aspect = useCallback(() => (box.current.w > 0 && box.current.h > 0 ? box.current.h / box.current.w : height / width), [height, width]);
  // The whole house: the smallest view of the box's shape that holds it.
  const fitWidth = useCallback(() => Math.max(width, height / aspect()), [aspect, height, width]);
  // At the deepest zoom about a dozen seats span the map, and seats are at least 56 px.
  const maxScaleOf = useCallback(() => Math.max(3, width / 120, box.current.w > 0 ? (MAX_PX_PER_UNIT * fitWidth()) / box.current.w : 0), [fitWidth, width]);
  const view = useRef<View>({ x: 0, y: 0, w: width, h: height });
  const [settled, setSettled] = useState<Settled>({ scale: 1, maxScale: 3, room: NO_ROOM, view: { x: 0, y: 0, w: width, h: height }, pxPerUnit: 0 });
  const cb = useRef(callbacks);
  useEffect(() => {
    cb.current = callbacks;
  });

  const pxPerUnitOf = useCallback((v: View) => (box.current.w > 0 ? box.current.w / v.w : 0), []);

  const apply = useCallback(
    (next: View) => {
      const fit = fitWidth();
      const s = Math.min(maxScaleOf(), Math.max(1, fit / next.w));
      const w = fit / s;
      const h = w * aspect();
      // Bigger than the house along an axis: centred on it; otherwise kept inside it.
      const clamp = (at: number, size: number, whole: number) => (size >= whole ? (whole - size) / 2 : Math.min(whole - size, Math.max(0, at)));
      const v = { w, h, x: clamp(next.x, w, width), y: clamp(next.y, h, height) };
      const old = view.current;
      view.current = v;
      const changed = old.x !== v.x || old.y !== v.y || old.w !== v.w || old.h !== v.h;
      // Only a real change: setting the viewBox, even to the same value, makes Blink lay out
      // and paint the whole map again (the first reset, on mount, would redraw 5,000 seats).
      if (changed) {
        svgRef.current?.setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
        cb.current.onViewChange(v, pxPerUnitOf(v));
      }
      return changed;
    },
    [aspect, fitWidth, height, maxScaleOf, pxPerUnitOf, svgRef, width],
  );

  // React hears the view only once it settles (the buttons' disabled states, seat numbers), and only a change.
  const settle = useCallback(() => {
    const v = view.current;
    const next: Settled = {
      scale: fitWidth() / v.w,
      maxScale: maxScaleOf(),
      room: { left: v.x > EDGE, right: v.x + v.w < width - EDGE, up: v.y > EDGE, down: v.y + v.h < height - EDGE },
      view: v,
      pxPerUnit: pxPerUnitOf(v),
    };
    setSettled((old) => (old.scale === next.scale && old.maxScale === next.maxScale && sameRoom(old.room, next.room) && old.view === next.view && old.pxPerUnit === next.pxPerUnit ? old : next));
  }, [fitWidth, height, maxScaleOf, pxPerUnitOf, width]);

  const centreAt = useCallback(
    (centre: Point, w: number) => {
      const h = w * aspect();
      return apply({ x: centre.x - w / 2, y: centre.y - h / 2, w, h });
    },
    [apply, aspect],
  );

  // Measure the box, open at the initial view, and keep the view's shape the box's on resize
  // (same centre and seat size).
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let opened = false;
    const measure = () => {
      const w = svg.clientWidth;
      const h = svg.clientHeight;
      if (w === 0 || h === 0 || (w === box.current.w && h === box.current.h && opened)) return;
      const before = view.current;
      const unitPx = box.current.w > 0 ? box.current.w / before.w : 0;
      box.current = { w, h };
      if (!opened) {
        opened = true;
        const start = cb.current.initialView?.(w, w / fitWidth()) ?? null;
        if (start) centreAt(start.centre, w / start.pxPerUnit);
        else apply({ x: 0, y: 0, w: fitWidth(), h: fitWidth() * aspect() });
      } else {
        centreAt({ x: before.x + before.w / 2, y: before.y + before.h / 2 }, unitPx > 0 ? w / unitPx : before.w);
      }
      settle();
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => observer.disconnect();
  }, [apply, aspect, centreAt, fitWidth, settle, svgRef]);

  const toContent = useCallback(
    (clientX: number, clientY: number): Point | null => {
      const ctm = svgRef.current?.getScreenCTM();
      if (!ctm) return null;
      const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
      return { x: p.x, y: p.y };
    },
    [svgRef],
  );

  const zoomAt = useCallback(
    (factor: number, clientX?: number, clientY?: number) => {
      const v = view.current;
      const at = (clientX !== undefined && clientY !== undefined && toContent(clientX, clientY)) || { x: v.x + v.w / 2, y: v.y + v.h / 2 };
      const fit = fitWidth();
      const newW = Math.min(fit, Math.max(fit / maxScaleOf(), v.w / factor));
      const f = v.w / newW;
      return apply({ x: at.x - (at.x - v.x) / f, y: at.y - (at.y - v.y) / f, w: newW, h: v.h / f });
    },
    [apply, fitWidth, maxScaleOf, toContent],
  );

  const panBy = useCallback(
    (dxClient: number, dyClient: number) => {
      const ctm = svgRef.current?.getScreenCTM();
      if (!ctm || ctm.a === 0) return false;
      const v = view.current;
      return apply({ ...v, x: v.x - dxClient / ctm.a, y: v.y - dyClient / ctm.d });
    },
    [apply, svgRef],
  );

  // Wheel: Ctrl/Cmd + wheel (and trackpad pinch, which Chromium reports as Ctrl + wheel) zooms
  // at the pointer; a plain wheel pans a zoomed-in map until it reaches an edge, then lets the
  // page scroll, so the map never traps the page.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onWheel = (e: WheelEvent) => {
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      let moved = false;
      if (e.ctrlKey || e.metaKey) {
        zoomAt(Math.exp(-e.deltaY * unit * WHEEL_ZOOM_SPEED), e.clientX, e.clientY);
        moved = true;
      } else if (view.current.w < fitWidth() - EDGE) {
        moved = panBy(-e.deltaX * unit, -e.deltaY * unit);
      }
      if (!moved) return;
      e.preventDefault();
      clearTimeout(timer);
      timer = setTimeout(settle, 150);
    };
    svg.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      svg.removeEventListener("wheel", onWheel);
      clearTimeout(timer);
    };
  }, [fitWidth, panBy, settle, svgRef, zoomAt]);

  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef({ start: { x: 0, y: 0 }, moved: false, suppress: false, pinch: 0, mid: { x: 0, y: 0 }, timer: 0 as unknown as ReturnType<typeof setTimeout> });

  const handlers = useMemo(() => {
    const g = gesture.current;
    const cancelLongPress = () => clearTimeout(g.timer);
    const pair = () => {
      const [a, b] = [...pointers.current.values()];
      return { dist: Math.hypot(a.x - b.x, a.y - b.y), mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
    };
    const end = (e: ReactPointerEvent<SVGSVGElement>) => {
      if (!pointers.current.delete(e.pointerId)) return;
      cancelLongPress();
      if (pointers.current.size === 1) {
        // Lifting one finger of a pinch: the other continues as a pan from where it is.
        g.start = [...pointers.current.values()][0];
        g.moved = true;
      }
      if (pointers.current.size === 0) settle();
    };
    return {
      onPointerDown: (e: ReactPointerEvent<SVGSVGElement>) => {
        if (e.pointerType === "mouse" && e.button !== 0) return;
        pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
        if (pointers.current.size === 1) {
          g.start = { x: e.clientX, y: e.clientY };
          g.moved = false;
          g.suppress = false;
          if (e.pointerType !== "mouse") {
            const target = e.target as Element;
            g.timer = setTimeout(() => {
              g.suppress = true;
              cb.current.onLongPress(target);
            }, LONG_PRESS_MS);
          }
        } else {
          cancelLongPress();
          g.suppress = true;
          const p = pair();
          g.pinch = p.dist;
          g.mid = p.mid;
        }
      },
      onPointerMove: (e: ReactPointerEvent<SVGSVGElement>) => {
        const prev = pointers.current.get(e.pointerId);
        if (!prev) return;
        pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
        if (pointers.current.size === 1) {
          if (!g.moved) {
            const limit = e.pointerType === "mouse" ? DRAG_THRESHOLD.mouse : DRAG_THRESHOLD.touch;
            if (Math.hypot(e.clientX - g.start.x, e.clientY - g.start.y) < limit) return;
            g.moved = true;
            g.suppress = true;
            cancelLongPress();
            // Captured only once it is a drag, so a plain tap still clicks the seat under it.
            e.currentTarget.setPointerCapture?.(e.pointerId);
          }
          panBy(e.clientX - prev.x, e.clientY - prev.y);
        } else if (pointers.current.size === 2) {
          const p = pair();
          if (g.pinch > 0) zoomAt(p.dist / g.pinch, p.mid.x, p.mid.y);
          panBy(p.mid.x - g.mid.x, p.mid.y - g.mid.y);
          g.pinch = p.dist;
          g.mid = p.mid;
        }
      },
      onPointerUp: end,
      onPointerCancel: end,
    };
  }, [panBy, settle, zoomAt]);

  useEffect(() => () => clearTimeout(gesture.current.timer), []);

  const zoomBy = useCallback(
    (factor: number) => {
      zoomAt(factor);
      settle();
    },
    [settle, zoomAt],
  );

  const reset = useCallback(() => {
    apply({ x: 0, y: 0, w: fitWidth(), h: fitWidth() * aspect() });
    settle();
  }, [apply, aspect, fitWidth, settle]);

  const zoomTo = useCallback(
    (centre: Point, pxPerUnit: number) => {
      if (box.current.w === 0) return;
      centreAt(centre, Math.min(view.current.w, box.current.w / pxPerUnit));
      settle();
    },
    [centreAt, settle],
  );

  const reveal = useCallback(
    (box: ContentBox) => {
      const v = view.current;
      const margin = Math.min(v.w, v.h) * 0.08;
      let { x, y } = v;
      if (box.x < v.x + margin) x = box.x - margin;
      else if (box.x + box.w > v.x + v.w - margin) x = box.x + box.w + margin - v.w;
      if (box.y < v.y + margin) y = box.y - margin;
      else if (box.y + box.h > v.y + v.h - margin) y = box.y + box.h + margin - v.h;
      if ((x !== v.x || y !== v.y) && apply({ ...v, x, y })) settle();
    },
    [apply, settle],
  );

  const panStep = useCallback(
    (fx: number, fy: number) => {
      const v = view.current;
      if (apply({ ...v, x: v.x + fx * v.w, y: v.y + fy * v.h })) settle();
    },
    [apply, settle],
  );

  const takeClickSuppression = useCallback(() => {
    const s = gesture.current.suppress;
    gesture.current.suppress = false;
    return s;
  }, []);

  return {
    scale: settled.scale,
    maxScale: settled.maxScale,
    room: settled.room,
    view: settled.view,
    pxPerUnit: settled.pxPerUnit,
    zoomTo,
    zoomBy,
    reset,
    panStep,
    reveal,
    takeClickSuppression,
    handlers,
  };
}
