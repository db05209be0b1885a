import type { PanRoom, ZoomPan } from "./use-zoom-pan";

const ZOOM_STEP = 1.5;
/** A move button shifts the view by half of what it shows: the seats at the far edge stay in sight. */
const PAN_STEP = 0.5;

const buttonClass =
  "flex size-10 items-center justify-center rounded-lg border border-zinc-500 bg-zinc-900/90 text-lg font-semibold text-zinc-100 hover:bg-zinc-800 disabled:cursor-not-allowed disabled:opacity-50";

// One tap per move, for whoever cannot drag or pinch (WCAG 2.2, 2.5.7 Dragging Movements).
const MOVES: { way: keyof PanRoom; arrow: string; fx: number; fy: number }[] = [
  { way: "left", arrow: "←", fx: -PAN_STEP, fy: 0 },
  { way: "up", arrow: "↑", fx: 0, fy: -PAN_STEP },
  { way: "down", arrow: "↓", fx: 0, fy: PAN_STEP },
  { way: "right", arrow: "→", fx: PAN_STEP, fy: 0 },
];

/** The zoom-pan hook's settled view and its button actions. */
type Props = { zoom: Pick<ZoomPan, "scale" | "maxScale" | "room" | "zoomBy" | "reset" | "panStep"> };

/** Zoom and move controls under the map (not over it, where they would hide seats): 40px targets. */
export function ZoomButtons({ zoom: { scale, maxScale, room, zoomBy, reset, panStep } }: Props) {
  const atMin = scale <= 1.001;
  const atMax = scale >= maxScale - 0.001;
  return (
    <>
      <div role="group" aria-label="Zoom" className="flex gap-1.5">
        <button type="button" className={buttonClass} aria-label="Zoom in" disabled={atMax} onClick={() => zoomBy(ZOOM_STEP)}>
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" className={buttonClass} aria-label="Zoom out" disabled={atMin} onClick={() => zoomBy(1 / ZOOM_STEP)}>
          <span aria-hidden="true">−</span>
        </button>
        <button type="button" className={`${buttonClass} text-xs`} aria-label="Fit: show the whole house" disabled={atMin} onClick={reset}>
          <span aria-hidden="true">Fit</span>
        </button>
      </div>
      <div role="group" aria-label="Move the map" className="flex gap-1.5">
        {MOVES.map((m) => (
          <button key={m.way} type="button" className={buttonClass} aria-label={`Move ${m.way}`} disabled={!room[m.way]} onClick={() => panStep(m.fx, m.fy)}>
            <span aria-hidden="true">{m.arrow}</span>
          </button>
        ))}
      </div>
    </>
  );
}
