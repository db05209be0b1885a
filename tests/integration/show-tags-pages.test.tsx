import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prerender } from "react-dom/static";
import { eq } from "drizzle-orm";
import { movies, orders, screens, sessions, shows, theaters, users } from "@/db/schema";
import { bookingWorld } from "../support/booking-fixture";

// Issue 19 on the customer's pages: the showtime page's header (tags, the movie's rating and the
// theater's ID notice, before any seat is held or paid for) and the booking page (tags, the time
// naming the theater's zone). Pages render as Next renders them; only next/headers is replaced.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar, { host: "localhost:3999" }),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
}));

const { default: ShowPage } = await import("@/app/(site)/shows/[showId]/page");
const { default: BookingPage } = await import("@/app/(site)/bookings/[orderId]/page");

async function html(page: React.ReactNode) {
  const { prelude } = await prerender(page);
  // Text as a reader gets it: tags gone, React's text separators gone, whitespace collapsed.
  return (await new Response(prelude).text()).replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/\s+/g, " ");
}
const showPage = (showId: string) => ShowPage({ params: Promise.resolve({ showId }), searchParams: Promise.resolve({}) }).then(html);

let world: Awaited<ReturnType<typeof bookingWorld>>;
let show: Awaited<ReturnType<typeof world.aShow>>;
let theaterId: string;
let movieId: string;
const NOTICE = "Photo ID is required for R-rated films: under 17s must come with an adult.";

beforeAll(async () => {
  world = await bookingWorld();
  show = await world.aShow(2);
  const [screen] = await world.db.select().from(screens).where(eq(screens.id, show.show.screenId));
  theaterId = screen.theaterId;
  movieId = show.show.movieId;
  await world.db.update(theaters).set({ timeZone: "America/Los_Angeles", idNotice: NOTICE, adultsOnlyRatings: ["R", "NC-17"] }).where(eq(theaters.id, theaterId));
  await world.db.update(shows).set({ tags: ["audio-description", "imax"] }).where(eq(shows.id, show.show.id));
});
afterAll(async () => {
  jar.clear();
  await world?.close();
});

describe("the showtime page header", () => {
  it("shows the show's tags and, for an R-rated movie, the rating with the theater's ID notice", async () => {
    await world.db.update(movies).set({ rating: "R" }).where(eq(movies.id, movieId));
    const text = await showPage(show.show.id);
    expect(text).toContain("IMAX Audio description");
    expect(text).toContain(`Rated R ${NOTICE}`);
    expect(text).toMatch(/\d{1,2}:\d{2}\s?[AP]M P[SD]T/);
  });

  it("leaves the notice out for a rating the theater does not ask ID for, and the chips out for an untagged show", async () => {
    await world.db.update(movies).set({ rating: "PG" }).where(eq(movies.id, movieId));
    const text = await showPage(show.show.id);
    expect(text).toContain("Rated PG");
    expect(text).not.toContain(NOTICE);
    const other = await world.aShow(3);
    expect(await showPage(other.show.id)).not.toContain("Audio description");
  });
});

describe("the booking page", () => {
  it("shows the tags and the time in the theater's zone, named", async () => {
    const { orderId, email } = await world.buy(show.show.id, [show.seat("H", 3).id]);
    const [order] = await world.db.select().from(orders).where(eq(orders.id, orderId));
    const [user] = await world.db.select().from(users).where(eq(users.email, email));
    expect(order.userId).toBe(user.id);
    const token = crypto.randomUUID();
    await world.db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3_600_000) });
    jar.set("authjs.session-token", token);
    const page = await BookingPage({ params: Promise.resolve({ orderId }), searchParams: Promise.resolve({}) });
    const text = await html(page);
    const pacific = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(show.show.startsAt);
    expect(text).toContain(pacific);
    expect(text).toContain("IMAX Audio description");
  });
});
