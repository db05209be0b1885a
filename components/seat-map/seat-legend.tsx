import { formatPrice } from "@/lib/seat-map/format";
import type { MapLayout, SeatKind } from "@/lib/seat-map/types";
import { tierColours } from "./drawing";
import { SeatGlyph } from "./seat-glyph";
import { showPatternPrefix, type DrawState } from "./seat-look";
import { SeatDefs } from "./seat-symbols";

const STATE_ITEMS: { state: DrawState; label: string }[] = [
  { state: "available", label: "Available" },
  { state: "mine", label: "Your seats" },
  { state: "held", label: "Held by someone else" },
  { state: "sold", label: "Sold" },
];

/**
 * Prices per tier ("from" the lowest when a tier sells several ticket types), what each state looks like, and the accessible spaces if the screen has them;
 * and the patterns (SeatDefs) that the legend's glyphs and the map's seats are drawn with. Static,
 * so the page renders it on the server and hands it to the map as `legend`: none of it, nor the
 * patterns' code, ships as JavaScript.
 */
export function SeatLegend({ layout, fromTiers = [] }: { layout: MapLayout; fromTiers?: readonly string[] }) {
  const prefix = showPatternPrefix(layout.showId);
  const colours = tierColours(layout.tiers);
  const kinds = new Set(layout.seats.map((s) => s.kind));
  const kindOfTier = (tier: string): SeatKind => layout.seats.find((s) => s.tier === tier && (s.kind === "standard" || s.kind === "premium"))?.kind ?? "standard";
  const neutral = colours.get(layout.tiers[0]?.name ?? "") ?? "#38bdf8";
  return (
    <div className="flex flex-col gap-2 text-sm text-zinc-100 sm:flex-row sm:flex-wrap sm:gap-x-8">
      <SeatDefs prefix={prefix} colours={colours.values()} />
      <ul aria-label="Prices" className="flex flex-wrap gap-x-4 gap-y-1">
        {layout.tiers.map((t) => (
          <li key={t.name} className="flex items-center gap-1.5">
            <SeatGlyph prefix={prefix} kind={kindOfTier(t.name)} state="available" colour={colours.get(t.name) ?? neutral} />
            <span className="capitalize">{t.name}</span>
            <span className="font-semibold">
              {fromTiers.includes(t.name) ? "from " : ""}
              {formatPrice(t.price, layout.currency)}
            </span>
          </li>
        ))}
      </ul>
      <ul aria-label="Seat key" className="flex flex-wrap gap-x-4 gap-y-1">
        {STATE_ITEMS.map((item) => (
          <li key={item.state} className="flex items-center gap-1.5">
            <SeatGlyph prefix={prefix} kind="standard" state={item.state} colour={neutral} />
            {item.label}
          </li>
        ))}
        {kinds.has("wheelchair") && (
          <li className="flex items-center gap-1.5">
            <SeatGlyph prefix={prefix} kind="wheelchair" state="available" colour={neutral} />
            Wheelchair space
          </li>
        )}
        {kinds.has("companion") && (
          <li className="flex items-center gap-1.5">
            <SeatGlyph prefix={prefix} kind="companion" state="available" colour={neutral} />
            Companion seat
          </li>
        )}
      </ul>
    </div>
  );
}
