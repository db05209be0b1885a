"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/movies", label: "Movies" },
  { href: "/admin/screens", label: "Screens" },
  { href: "/admin/shows", label: "Shows" },
  { href: "/admin/pricing", label: "Pricing" },
  { href: "/admin/promo-codes", label: "Promo codes" },
  { href: "/admin/bookings", label: "Bookings" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

// Chain-wide pages (issue 19): shown to chain admins only; site managers get 404 there anyway.
const CHAIN_LINKS = [
  { href: "/admin/theaters", label: "Theaters" },
  { href: "/admin/staff", label: "Staff" },
] as const;

/** The dashboard link is current only on /admin itself; the others own their sub-pages too. */
function isCurrent(pathname: string, href: string): boolean {
  return href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(href + "/");
}

/** The admin area's sections: a sidebar on desktops, a scrolling row on tablets and phones. */
export function AdminNav({ chainAdmin = false }: { chainAdmin?: boolean }) {
  const pathname = usePathname();
  const links = chainAdmin ? [...LINKS, ...CHAIN_LINKS] : LINKS;
  return (
    <nav aria-label="Admin" className="lg:w-44 lg:shrink-0">
      <ul className="flex gap-1 overflow-x-auto pb-1 lg:flex-col lg:overflow-visible lg:pb-0">
        {links.map(({ href, label }) => {
          const current = isCurrent(pathname, href);
          return (
            <li key={href} className="shrink-0">
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`flex min-h-11 items-center rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${
                  current ? "bg-gold text-ink" : "text-zinc-200 hover:bg-panel hover:text-white"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
