// What the map reads from the server-rendered best-available form (best-available-control.tsx),
// in a module of its own so the map's JavaScript carries the values without the form's markup.

/** The "area" best available offers besides tiers: wheelchair spaces sit where they sit, whatever the tier. */
export const WHEELCHAIR = "wheelchair";

/** The best-available form's marker attribute (`data-best-available`), telling its submit from the Continue form's. */
export const isBestAvailableForm = (el: EventTarget | null): el is HTMLFormElement => el instanceof HTMLFormElement && el.dataset.bestAvailable !== undefined;
