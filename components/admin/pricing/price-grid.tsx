"use client";
import { inputClass } from "@/components/admin/forms/labelled-field";

export type GridTier = { tier: string; screens: string[] };
export type GridType = { id: string; name: string };
export type PriceTexts = Record<string, Record<string, string>>;

const title = (tier: string) => `${tier[0]?.toUpperCase() ?? ""}${tier.slice(1)}`;

/**
 * The card's prices: one group per seat tier (a fieldset, so a phone shows it as a short stack
 * rather than a wide table), one field per ticket type. A field's error sits under it; the
 * action names them prices.<tier>.<typeId>.
 */
export function PriceGrid({ tiers, types, prices, errors, currency, onChange }: { tiers: GridTier[]; types: GridType[]; prices: PriceTexts; errors: Record<string, string[]>; currency: string; onChange: (tier: string, typeId: string, value: string) => void }) {
  return (
    <div className="space-y-3">
      {tiers.map(({ tier, screens }) => {
        const tierError = errors[`prices.${tier}`]?.[0];
        return (
          <fieldset key={tier} className="rounded-lg border border-line p-3" aria-describedby={tierError ? `grid-${tier}-error` : undefined}>
            <legend className="px-1 text-sm font-semibold">
              {title(tier)} seats <span className="font-normal text-zinc-300">({screens.length ? `on sale in ${screens.join(", ")}` : "no screen sells it yet"})</span>
            </legend>
            {tierError && (
              <p id={`grid-${tier}-error`} className="mb-2 text-sm text-red-300">
                {tierError}
              </p>
            )}
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {types.map((type) => {
                const key = `prices.${tier}.${type.id}`;
                const id = `price-${tier}-${type.id}`;
                const error = errors[key]?.[0];
                return (
                  <div key={type.id} className="space-y-1">
                    <label htmlFor={id} className="block text-sm">
                      {type.name} <span className="sr-only">{title(tier)} price</span>
                    </label>
                    <input
                      id={id}
                      inputMode="decimal"
                      placeholder="—"
                      value={prices[tier]?.[type.id] ?? ""}
                      onChange={(e) => onChange(tier, type.id, e.target.value)}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      data-testid={`price-${tier}-${type.name}`}
                      className={inputClass}
                    />
                    {error && (
                      <p id={`${id}-error`} className="text-sm text-red-300">
                        {error}
                      </p>
                    )}
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <p className="text-xs text-zinc-300">Prices in {currency.toUpperCase()}. Leave a ticket type empty in every tier to not sell it with this card.</p>
    </div>
  );
}
