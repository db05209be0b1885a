import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { headers } from "next/headers";
import Link from "next/link";
import { CinemaSwitch } from "@/components/cinema/cinema-switch";
import { ZONE_SCRIPT } from "@/components/cinema/zone-note";
import { UserNav } from "@/components/auth/user-nav";
import "./globals.css";

// Bundled from npm: the build must work offline, so no Google Fonts.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Marquee", template: "%s · Marquee" },
  description: "Pick your seats and book movie tickets.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b0b12" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts puts the CSP nonce on the request; the one inline script carries it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" className={inter.variable}>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ZONE_SCRIPT }} />
      </head>
      <body className="min-h-dvh font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-gold focus:px-3 focus:py-2 focus:text-ink">
          Skip to content
        </a>
        <header className="relative border-b border-line bg-panel/80">
          {/* One line on a 390 px phone (the cinema switch apart): no link wraps, and "Now showing"
              (the same page as the logo) gives way below the sm breakpoint so a signed-in account
              corner still fits. */}
          <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 whitespace-nowrap px-4 py-3 sm:gap-4 lg:flex-nowrap">
            <Link href="/" className="text-lg font-extrabold tracking-widest text-gold">
              MARQUEE
            </Link>
            <Link href="/" className="hidden text-sm text-zinc-200 hover:text-white sm:inline">
              Now showing
            </Link>
            <Link href="/bookings" className="ml-auto text-sm text-zinc-200 hover:text-white">
              My bookings
            </Link>
            <UserNav />
            {/* Last: on a 390 px phone it wraps to a row of its own (no room left beside the
                links above), and below the lg one beside a signed-in account; wider, it ends the line. */}
            <CinemaSwitch />
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
