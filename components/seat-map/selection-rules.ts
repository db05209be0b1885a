// The selection rules (lib/seat-map/rules and its orphan checks) are needed only once the customer
// touches the map or holds seats, so they load then (`loadRules`), not with the page: the showtime
// page's first-load JavaScript has no room to spare. Once loaded they are used synchronously.
export type Rules = typeof import("@/lib/seat-map/rules");

let loaded: Rules | null = null;
let loading: Promise<Rules> | null = null;

export function loadRules(): Promise<Rules> {
  loading ??= import("@/lib/seat-map/rules").then(
    (m) => (loaded = m),
    (error: unknown) => {
      // Offline: the next touch tries again.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The rules if they have loaded, else null. */
export const rulesIfLoaded = (): Rules | null => loaded;

/** Starts loading the rules (e.g. on the first touch or focus), ignoring a failure for now. */
export function preloadRules() {
  if (!loaded) loadRules().catch(() => {});
}
