import Link from "next/link";

const TABS = [
  { href: "/admin/pricing", label: "Price cards" },
  { href: "/admin/pricing/ticket-types", label: "Ticket types" },
  { href: "/admin/pricing/fees", label: "Fees and tax" },
] as const;

/** The pricing pages' own row of links, under the page title. */
export function PricingTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Pricing">
      <ul className="flex flex-wrap gap-1">
        {TABS.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.href === current ? "page" : undefined}
              className={`block rounded-md border px-3 py-1.5 text-sm ${t.href === current ? "border-gold bg-gold text-ink" : "border-line text-zinc-200 hover:border-zinc-400"}`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
