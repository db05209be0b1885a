"use client";
import { useId, useState } from "react";
import { LAYOUT_LIMITS } from "@/lib/venue/layout-types";

/** The tiers this screen sells; a tier in use cannot be removed until its seats are repainted. */
export function TierList({ tiers, inUse, onAdd, onRemove }: { tiers: string[]; inUse: (tier: string) => boolean; onAdd: (name: string) => void; onRemove: (name: string) => void }) {
  const [name, setName] = useState("");
  const [message, setMessage] = useState("");
  const inputId = useId();
  const add = () => {
    const clean = name.trim().toLowerCase();
    if (!/^[a-z][a-z0-9-]{0,23}$/.test(clean)) return setMessage("Tier names are lowercase letters, digits and dashes (e.g. premium).");
    if (tiers.includes(clean)) return setMessage(`There is already a ${clean} tier.`);
    if (tiers.length >= LAYOUT_LIMITS.maxTiers) return setMessage(`A screen sells at most ${LAYOUT_LIMITS.maxTiers} tiers.`);
    onAdd(clean);
    setName("");
    setMessage(`Added the ${clean} tier.`);
  };
  return (
    <section aria-label="Tiers" className="space-y-2">
      <h2 className="text-sm font-semibold">Tiers</h2>
      <ul className="flex flex-wrap gap-2">
        {tiers.map((t) => {
          const used = inUse(t);
          return (
            <li key={t} className="flex items-center gap-2 rounded-md border border-line px-2 py-1 text-sm">
              {t}
              <button
                type="button"
                onClick={() => onRemove(t)}
                disabled={used || tiers.length <= 1}
                title={used ? "Seats use this tier" : undefined}
                aria-label={`Remove the ${t} tier${used ? " (seats use it)" : ""}`}
                className="rounded px-1 text-zinc-300 hover:text-red-200 disabled:opacity-40"
              >
                ✕
              </button>
            </li>
          );
        })}
      </ul>
      <div className="flex items-end gap-2">
        <div>
          <label htmlFor={inputId} className="block text-xs text-zinc-300">
            New tier
          </label>
          <input
            id={inputId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
            className="h-8 w-36 rounded border border-line bg-ink px-2 text-sm text-white focus:border-gold"
          />
        </div>
        <button type="button" onClick={add} className="h-8 rounded border border-line px-3 text-sm hover:border-zinc-300">
          Add tier
        </button>
      </div>
      <p role="status" className="text-xs text-zinc-300">
        {message}
      </p>
    </section>
  );
}
