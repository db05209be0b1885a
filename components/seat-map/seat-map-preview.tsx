"use client";
import { useId, useMemo } from "react";
import { kindWord } from "@/lib/seat-map/format";
import { geometryOf } from "@/lib/seat-map/geometry";
import type { MapLayout, SeatKind, SeatState } from "@/lib/seat-map/types";
import { frameOf, tierColours } from "./drawing";
import { SeatCanvas } from "./seat-canvas";
import { SeatGlyph } from "./seat-glyph";
import { SeatDefs } from "./seat-symbols";

const noop = () => {};
const KINDS: SeatKind[] = ["standard", "premium", "wheelchair", "companion"];

/**
 * The seat map as customers will see it, drawn by the same canvas, for the layout editor. It is
 * a picture: inert (the editor's grid is what keyboards and screen readers use) and without
 * booking, prices or polling. Seats in `marked` are drawn sold (they have tickets).
 */
export function SeatMapPreview({ layout, marked }: { layout: MapLayout; marked?: ReadonlySet<string> }) {
  const prefix = `preview${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const geometry = useMemo(() => geometryOf(layout.seats), [layout.seats]);
  const frame = useMemo(() => frameOf(geometry), [geometry]);
  const colours = useMemo(() => tierColours(layout.tiers), [layout.tiers]);
  const tierTexts = useMemo(() => new Map(layout.tiers.map((t) => [t.name, t.name])), [layout.tiers]);
  const states = useMemo(() => {
    const out: Record<string, SeatState> = {};
    for (const id of marked ?? []) out[id] = "sold";
    return out;
  }, [marked]);
  const kinds = new Set(layout.seats.map((s) => s.kind));
  const neutral = colours.get(layout.tiers[0]?.name ?? "") ?? "#38bdf8";
  return (
    <div className="space-y-2">
      <SeatDefs prefix={prefix} colours={colours.values()} />
      <div inert>
        <SeatCanvas
          geometry={geometry}
          frame={frame}
          states={states}
          screenName={layout.screenName}
          prefix={prefix}
          priceTexts={tierTexts}
          colours={colours}
          onToggle={noop}
          onWatch={noop}
          readOnly
        />
      </div>
      <ul aria-label="Preview key" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-100">
        {layout.tiers.map((t) => (
          <li key={t.name} className="flex items-center gap-1.5">
            <SeatGlyph prefix={prefix} kind="standard" state="available" colour={colours.get(t.name) ?? neutral} />
            <span className="capitalize">{t.name}</span>
          </li>
        ))}
        {KINDS.filter((k) => k !== "standard" && kinds.has(k)).map((k) => (
          <li key={k} className="flex items-center gap-1.5">
            <SeatGlyph prefix={prefix} kind={k} state="available" colour={neutral} />
            <span>{kindWord(k)[0].toUpperCase() + kindWord(k).slice(1)}</span>
          </li>
        ))}
        {Object.keys(states).length > 0 && (
          <li className="flex items-center gap-1.5">
            <SeatGlyph prefix={prefix} kind="standard" state="sold" colour={neutral} />
            Has tickets for a coming show
          </li>
        )}
      </ul>
    </div>
  );
}
