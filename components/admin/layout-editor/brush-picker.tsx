"use client";
import { SEAT_KINDS, type SeatKind } from "@/lib/venue/layout-types";
import type { Brush } from "@/lib/admin/layout-editor";
import { kindWord } from "@/lib/seat-map/format";

/** The editor's tools: the pure brushes of lib/admin/layout-editor plus the whole-column aisle. */
export type Tool = Brush | { tool: "aisle" };

export function toolValue(tool: Tool): string {
  if (tool.tool === "kind") return `kind:${tool.kind}`;
  if (tool.tool === "tier") return `tier:${tool.tier}`;
  return tool.tool;
}

function toolOf(value: string): Tool {
  if (value.startsWith("kind:")) return { tool: "kind", kind: value.slice(5) as SeatKind };
  if (value.startsWith("tier:")) return { tool: "tier", tier: value.slice(5) };
  return value === "aisle" ? { tool: "aisle" } : { tool: "seat" };
}

export function toolLabel(tool: Tool): string {
  if (tool.tool === "seat") return "add or remove a seat";
  if (tool.tool === "aisle") return "clear or fill the whole column";
  if (tool.tool === "kind") return `make it a ${kindWord(tool.kind)}`;
  return `put it in the ${tool.tier} tier`;
}

const radio = "flex cursor-pointer items-center gap-2 rounded-md border border-line px-2.5 py-1.5 text-sm has-checked:border-gold has-checked:bg-gold/15 has-focus-visible:outline has-focus-visible:outline-3 has-focus-visible:outline-gold";

export function BrushPicker({ tool, tiers, onChange }: { tool: Tool; tiers: string[]; onChange: (tool: Tool) => void }) {
  const current = toolValue(tool);
  const option = (value: string, label: string) => (
    <label key={value} className={radio}>
      <input type="radio" name="editor-tool" value={value} checked={current === value} onChange={() => onChange(toolOf(value))} className="sr-only" />
      {label}
    </label>
  );
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">Tool</legend>
      <div className="flex flex-wrap gap-2">
        {option("seat", "Add / remove seat")}
        {option("aisle", "Aisle (whole column)")}
      </div>
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="mb-1 text-xs text-zinc-300">Seat kind</legend>
        {SEAT_KINDS.map((k) => option(`kind:${k}`, kindWord(k)))}
      </fieldset>
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="mb-1 text-xs text-zinc-300">Tier</legend>
        {tiers.map((t) => option(`tier:${t}`, t))}
      </fieldset>
    </fieldset>
  );
}
