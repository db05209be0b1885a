import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { auditLog, movies, sessions, shows, theaterManagers, theaters, users } from "@/db/schema";
import type { AdminActor } from "@/lib/auth/session-user";
import { cancelShow } from "@/lib/booking/cancel-show";
import { scheduleShows } from "@/lib/catalog/schedule-shows";
import { setShowTags } from "@/lib/catalog/set-show-tags";
import { createScreen } from "@/lib/venue/create-screen";
import { addDays, localDate } from "@/lib/time";
import { bookingWorld } from "../support/booking-fixture";
import { theaterWithDefaultCard } from "../support/default-card-fixture";
import { refusal } from "../support/refusal";

// Issue 19: tags on shows, as an admin sets them. The actions run as Next runs them (session
// cookie → requireAdmin → zod → handler); only next/headers stands in for the browser's jar.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar),
}));
// revalidatePath needs a Next request; the work is done before it is called.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { scheduleShowsAction, setShowTagsAction } = await import("@/app/admin/shows/actions");

let world: Awaited<ReturnType<typeof bookingWorld>>;
let admin: AdminActor;
let theaterA: string;
let theaterB: string;
let imaxScreen: string;
let standardScreen: string;
let movieId: string;
let day = 2;
let tz: string;

async function signedIn(email: string, role: "admin" | "manager", manages: string[] = []) {
  const [user] = await world.db.insert(users).values({ email, role }).returning();
  for (const theaterId of manages) await world.db.insert(theaterManagers).values({ userId: user.id, theaterId });
  const token = crypto.randomUUID();
  await world.db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 86_400_000) });
  return { token, actor: { id: user.id, email, name: null, role, scope: role === "admin" ? { all: true } : { all: false, theaterIds: manages } } as AdminActor };
}
const as = (token: string) => {
  jar.clear();
  jar.set("authjs.session-token", token);
};
const tagsOf = async (showId: string) => (await world.db.select({ tags: shows.tags }).from(shows).where(eq(shows.id, showId)))[0].tags;
/** A fresh date a few days on, so no two tests' shows meet on a screen. */
const nextDate = (zone: string) => addDays(localDate(new Date(), zone), (day += 1));

beforeAll(async () => {
  world = await bookingWorld();
  admin = await world.admin("tags-admin@example.com");
  const pricing = await theaterWithDefaultCard(world.db);
  theaterA = pricing.theater.id;
  tz = pricing.theater.timeZone;
  theaterB = (await world.db.insert(theaters).values({ slug: "westside", name: "Marquee Westside", timeZone: "America/Los_Angeles" }).returning())[0].id;
  imaxScreen = (await createScreen(admin, { theaterId: theaterA, name: "IMAX Hall", format: "IMAX 3D", tiers: ["standard"], rows: 2, seatsPerRow: 4 })).id;
  standardScreen = (await createScreen(admin, { theaterId: theaterA, name: "Tags Studio", format: "standard", tiers: ["standard"], rows: 2, seatsPerRow: 4 })).id;
  movieId = (await world.db.select().from(movies).where(eq(movies.status, "active")).orderBy(asc(movies.title)).limit(1))[0].id;
});
afterAll(async () => {
  jar.clear();
  await world?.close();
});
beforeEach(() => jar.clear());

describe("scheduling with tags", () => {
  it("saves the tags asked for on every show of the batch, each once, in vocabulary order", async () => {
    const { token } = await signedIn("sched-tags@example.com", "admin");
    as(token);
    const date = nextDate(tz);
    const result = await scheduleShowsAction({ movieId, screenId: standardScreen, date, time: "18:00", days: "2", priceCardId: "", tags: ["audio-description", "lang:es", "subs:en", "lang:es"] });
    expect(result).toMatchObject({ ok: true, data: { tags: ["lang:es", "subs:en", "audio-description"] } });
    const ids = result.ok ? result.data.showIds : [];
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(await tagsOf(id)).toEqual(["lang:es", "subs:en", "audio-description"]);
  });

  it("defaults to the tags the screen's format names when none are sent; an explicit empty list means none", async () => {
    const date = nextDate(tz);
    const onImax = await scheduleShows(admin, { movieId, screenId: imaxScreen, date, time: "10:00", days: 1 });
    expect(await tagsOf(onImax.showIds[0])).toEqual(["imax", "3d"]);
    const plain = await scheduleShows(admin, { movieId, screenId: imaxScreen, date, time: "14:00", days: 1, tags: [] });
    expect(await tagsOf(plain.showIds[0])).toEqual([]);
    const onStandard = await scheduleShows(admin, { movieId, screenId: standardScreen, date, time: "10:00", days: 1 });
    expect(await tagsOf(onStandard.showIds[0])).toEqual([]);
  });

  it("refuses an unknown tag with a field error naming it, and schedules nothing", async () => {
    const { token } = await signedIn("sched-bad@example.com", "admin");
    as(token);
    const before = (await world.db.select().from(shows)).length;
    const result = await scheduleShowsAction({ movieId, screenId: standardScreen, date: nextDate(tz), time: "12:00", days: "1", priceCardId: "", tags: ["imax", "smell-o-vision", "wheelchair"] });
    expect(result).toMatchObject({ ok: false, code: "bad_input", fieldErrors: { tags: [expect.stringContaining("“smell-o-vision”")] } });
    // The computed filter is not a tag an admin can store.
    expect(!result.ok && result.fieldErrors?.tags?.[0]).toContain("“wheelchair”");
    expect((await world.db.select().from(shows)).length).toBe(before);
  });
});

describe("editing a scheduled show's tags", () => {
  async function aFutureShow() {
    const { showIds } = await scheduleShows(admin, { movieId, screenId: standardScreen, date: nextDate(tz), time: "20:00", days: 1, tags: ["lang:en"] });
    return showIds[0];
  }

  it("replaces the tags (a single checkbox value too, none ticked = none) and audits it at the show's theater", async () => {
    const showId = await aFutureShow();
    const { token } = await signedIn("edit-tags@example.com", "admin");
    as(token);
    expect(await setShowTagsAction({ showId, tags: ["open-captions", "imax"] })).toMatchObject({ ok: true, data: { tags: ["imax", "open-captions"] } });
    expect(await tagsOf(showId)).toEqual(["imax", "open-captions"]);
    const form = new FormData();
    form.set("showId", showId);
    form.set("tags", "relaxed");
    expect(await setShowTagsAction(form)).toMatchObject({ ok: true });
    expect(await tagsOf(showId)).toEqual(["relaxed"]);
    expect(await setShowTagsAction({ showId })).toMatchObject({ ok: true, data: { tags: [] } });
    expect(await tagsOf(showId)).toEqual([]);
    const audits = await world.db.select().from(auditLog).where(and(eq(auditLog.action, "show.tags"), eq(auditLog.targetId, showId)));
    expect(audits).toHaveLength(3);
    expect(audits.every((a) => a.theaterId === theaterA)).toBe(true);
    expect(audits.map((a) => (a.details as { summary: string }).summary)).toContainEqual(expect.stringMatching(/: IMAX · Open captions \(was English\)$/));
  });

  it("refuses an unknown tag by name and leaves the show as it was", async () => {
    const showId = await aFutureShow();
    const { token } = await signedIn("edit-bad@example.com", "admin");
    as(token);
    const result = await setShowTagsAction({ showId, tags: ["imax", "IMAX"] });
    expect(result).toMatchObject({ ok: false, code: "bad_input", fieldErrors: { tags: ["Unknown tag: “IMAX”. Choose tags from the list."] } });
    expect(await tagsOf(showId)).toEqual(["lang:en"]);
    expect(await world.db.select().from(auditLog).where(and(eq(auditLog.action, "show.tags"), eq(auditLog.targetId, showId)))).toHaveLength(0);
  });

  it("answers not_found to a site manager of another theater, and lets the show's own manager change it", async () => {
    const showId = await aFutureShow();
    const other = await signedIn("manager-b@example.com", "manager", [theaterB]);
    as(other.token);
    expect(await setShowTagsAction({ showId, tags: ["imax"] })).toMatchObject({ ok: false, code: "not_found" });
    expect(await tagsOf(showId)).toEqual(["lang:en"]);
    const own = await signedIn("manager-a@example.com", "manager", [theaterA]);
    as(own.token);
    expect(await setShowTagsAction({ showId, tags: ["imax"] })).toMatchObject({ ok: true });
    expect(await tagsOf(showId)).toEqual(["imax"]);
    // An unknown show is answered the same as another theater's.
    expect(await setShowTagsAction({ showId: crypto.randomUUID(), tags: [] })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses a cancelled show", async () => {
    const showId = await aFutureShow();
    await cancelShow(admin, { showId });
    const refused = await refusal(setShowTags(admin, { showId, tags: ["imax"] }));
    expect(refused.code).toBe("conflict");
    expect(await tagsOf(showId)).toEqual(["lang:en"]);
  });
});
