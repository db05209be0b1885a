const ZOOM_STEP = 1.5;

const buttonClass =
  "flex size-10 items-center justify-center rounded-lg border border-zinc-500 bg-zinc-900/90 text-lg font-semibold text-zinc-100 hover:bg-zinc-800 disabled:cursor-not-allowed disabled:opacity-50";

/** Zoom controls under the map (not over it, where they would hide seats): 40px targets. */
export function ZoomButtons({ scale, maxScale, onZoom, onReset }: { scale: number; maxScale: number; onZoom: (factor: number) => void; onReset: () => void }) {
  const atMin = scale <= 1.001;
  const atMax = scale >= maxScale - 0.001;
  return (
    <div role="group" aria-label="Zoom" className="flex gap-1.5">
      <button type="button" className={buttonClass} aria-label="Zoom in" disabled={atMax} onClick={() => onZoom(ZOOM_STEP)}>
        <span aria-hidden="true">+</span>
      </button>
      <button type="button" className={buttonClass} aria-label="Zoom out" disabled={atMin} onClick={() => onZoom(1 / ZOOM_STEP)}>
        <span aria-hidden="true">−</span>
      </button>
      <button type="button" className={`${buttonClass} text-xs`} aria-label="Show the whole house" disabled={atMin} onClick={onReset}>
        <span aria-hidden="true">Fit</span>
      </button>
    </div>
  );
}
