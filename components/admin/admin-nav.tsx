"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { TheaterSwitcher } from "./theater-switcher";

// chain: for chain admins only (site managers are not shown what they may not use, issue 19).
const LINKS: readonly { href: string; label: string; chain?: true }[] = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/movies", label: "Movies", chain: true },
  { href: "/admin/screens", label: "Screens" },
  { href: "/admin/shows", label: "Shows" },
  { href: "/admin/pricing", label: "Pricing" },
  { href: "/admin/promo-codes", label: "Promo codes" },
  { href: "/admin/bookings", label: "Bookings" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/theaters", label: "Theaters", chain: true },
  { href: "/admin/staff", label: "Staff", chain: true },
];

/** The dashboard link is current only on /admin itself; the others own their sub-pages too. */
function isCurrent(pathname: string, href: string): boolean {
  return href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(href + "/");
}

type NavProps = {
  /** A chain admin sees every section; a site manager the ones about their theaters. */
  chainAdmin: boolean;
  /** The theaters in the admin's scope, and the current one (lib/admin/current-theater.ts). */
  theaters: { id: string; name: string }[];
  currentTheaterId: string | null;
  chooseTheater: (formData: FormData) => Promise<void>;
};

/** The admin area's sections: a sidebar on desktops, a scrolling row on tablets and phones. */
export function AdminNav({ chainAdmin, theaters, currentTheaterId, chooseTheater }: NavProps) {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="space-y-2 lg:w-44 lg:shrink-0">
      <TheaterSwitcher theaters={theaters} currentId={currentTheaterId} choose={chooseTheater} />
      <ul className="flex gap-1 overflow-x-auto pb-1 lg:flex-col lg:overflow-visible lg:pb-0">
        {LINKS.filter((l) => chainAdmin || !l.chain).map(({ href, label }) => {
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
