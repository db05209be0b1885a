// The show-tag vocabulary lives in lib/show-tags.ts (a file of its own: lib/booking's emails and
// tickets print tags, and lib/booking may not import lib/catalog, which imports lib/booking).
// This path is kept so code written against the issue 19 foundation still builds; import
// "@/lib/show-tags".
export * from "@/lib/show-tags";
