// The "area" best available offers besides tiers: wheelchair spaces sit where they sit, whatever
// the tier. Its own module so the map knows the value without loading the control.
export const WHEELCHAIR = "wheelchair";
