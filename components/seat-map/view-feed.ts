import type { View } from "./use-zoom-pan";

// The map's view as it moves, gesture frames included, for overlays that follow it by writing
// to the DOM themselves (pinned row labels, the overview's frame): no React render per frame.
export type ViewListener = (view: View, pxPerUnit: number) => void;

export type ViewFeed = {
  /** Calls `listener` with the current view at once (when there is one) and on every change. */
  subscribe: (listener: ViewListener) => () => void;
};

export function createViewFeed(): ViewFeed & { publish: ViewListener } {
  const listeners = new Set<ViewListener>();
  let last: [View, number] | null = null;
  return {
    publish(view, pxPerUnit) {
      last = [view, pxPerUnit];
      for (const listener of listeners) listener(view, pxPerUnit);
    },
    subscribe(listener) {
      listeners.add(listener);
      if (last) listener(...last);
      return () => listeners.delete(listener);
    },
  };
}
