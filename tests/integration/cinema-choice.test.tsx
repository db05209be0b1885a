import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prerender } from "react-dom/static";
import { eq } from "drizzle-orm";
import { sessions, theaters, users } from "@/db/schema";
import { createTestDatabase } from "../support/test-db";
import { addSecondCinema, SECOND_CINEMA } from "../support/second-cinema";

// Choosing a cinema (issue 19): the form action remembers it in a cookie and, signed in, on the
// account; the home page asks while nothing is remembered and opens on the remembered cinema
// after. Only next/headers is replaced (the browser's cookie jar); the session is a real row.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar, { host: "localhost:3999" }),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
}));
// The home page opts out of prerendering with connection(); outside Next there is nothing to opt out of.
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));

const { chooseCinema } = await import("@/app/(site)/c/actions");
const { rememberedCinema } = await import("@/lib/catalog/chosen-cinema");
const { default: HomePage } = await import("@/app/(site)/page");

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let ny: typeof theaters.$inferSelect;
let la: typeof theaters.$inferSelect;

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  [ny] = await database.db.select().from(theaters).where(eq(theaters.slug, "new-york"));
  la = (await addSecondCinema(database.db)).theater;
});
afterAll(() => database?.close());

async function signedIn(name: string) {
  const [user] = await database.db.insert(users).values({ email: `${name}@example.com`, name }).returning();
  const token = crypto.randomUUID();
  await database.db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3_600_000) });
  return { user, token };
}

/** Runs the action and returns where it redirected (Next's redirect is a thrown digest). */
async function choose(input: unknown): Promise<string> {
  try {
    const result = await chooseCinema(input);
    throw new Error(`no redirect: ${JSON.stringify(result)}`);
  } catch (err) {
    const digest = (err as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw err;
    return digest.split(";")[2];
  }
}

async function homeHtml() {
  const { prelude } = await prerender(await HomePage({ searchParams: Promise.resolve({}) }));
  return (await new Response(prelude).text()).replace(/<!-- -->/g, "");
}

const preferredOf = async (userId: string) => (await database.db.select().from(users).where(eq(users.id, userId)))[0].preferredTheaterId;

describe("choosing a cinema", () => {
  it("asks first: the home page lists every cinema with its address, nothing remembered", async () => {
    jar.clear();
    expect(await rememberedCinema(database.db)).toBeNull();
    const html = await homeHtml();
    expect(html).toContain("Choose your cinema");
    for (const c of [ny, la]) {
      expect(html).toContain(c.name);
      expect(html).toContain(c.address);
    }
    expect(html).not.toContain("Now showing");
  });

  it("signed out: remembers the choice in a cookie and opens that cinema's programme", async () => {
    jar.clear();
    expect(await choose({ theaterId: la.id })).toBe(`/c/${SECOND_CINEMA.slug}`);
    expect(jar.get("mq_cinema")).toBe(SECOND_CINEMA.slug);
    expect((await rememberedCinema(database.db))?.id).toBe(la.id);
    const html = await homeHtml();
    expect(html).toContain("Now showing");
    expect(html).toContain(la.address);
    expect(html).not.toContain("Choose your cinema");
  });

  it("from a movie page: lands on the same movie at the new cinema", async () => {
    jar.clear();
    expect(await choose({ theaterId: ny.id, movie: "paper-kites" })).toBe(`/c/${ny.slug}/movies/paper-kites`);
  });

  it("signed in: remembers it on the account too, so another device opens on it", async () => {
    const { user, token } = await signedIn("traveller");
    jar.clear();
    jar.set("authjs.session-token", token);
    await choose({ theaterId: la.id });
    expect(await preferredOf(user.id)).toBe(la.id);
    // Another device: the session, no cinema cookie.
    jar.clear();
    jar.set("authjs.session-token", token);
    expect((await rememberedCinema(database.db))?.id).toBe(la.id);
    // The cookie of this browser wins over the account's choice made elsewhere.
    jar.set("mq_cinema", ny.slug);
    expect((await rememberedCinema(database.db))?.id).toBe(ny.id);
  });

  it("refuses an unknown cinema or bad input with a 4xx, changing nothing", async () => {
    const { user, token } = await signedIn("careful");
    jar.clear();
    jar.set("authjs.session-token", token);
    await choose({ theaterId: ny.id });
    const unknown = await chooseCinema({ theaterId: "no-such-cinema" });
    expect(unknown).toMatchObject({ ok: false, code: "not_found" });
    for (const bad of [{}, { theaterId: "" }, { theaterId: la.id, movie: "../admin" }, { theaterId: "x".repeat(65) }]) {
      expect(await chooseCinema(bad)).toMatchObject({ ok: false, code: "bad_input" });
    }
    expect(jar.get("mq_cinema")).toBe(ny.slug);
    expect(await preferredOf(user.id)).toBe(ny.id);
  });

  it("a stale cookie (a renamed or removed cinema) asks again", async () => {
    jar.clear();
    jar.set("mq_cinema", "gone");
    expect(await rememberedCinema(database.db)).toBeNull();
  });
});
