// Lighthouse mobile performance of the public pages (issue 19: ≥ 95 with two cinemas seeded),
// `npm run bench:lighthouse`, in Debian's Chromium against the production build.
//
// It expects a production build in .next (`npm run build`; made first when there is none). It
// creates a Postgres database of its own (BENCH_POSTGRES_URL's server, dropped afterwards), loads
// the demo into it with a second cinema in Los Angeles when the demo has only one
// (tests/support/second-cinema.ts), starts one `next start` on it (Postgres + Redis, as in
// production) and runs Lighthouse's default mobile configuration (an emulated mid-range phone,
// simulated slow 4G and a 4x CPU slowdown) over:
//
//   1. the home page of a first visit: the question which cinema;
//   2. the home page of a returning visitor (the cinema cookie): that cinema's programme;
//   3. a movie page at the Los Angeles cinema (/c/<slug>/movies/<movie>), with the other
//      cinema's times under "also showing at".
//
// Each page is measured BENCH_RUNS times (default 3, after one warm-up load) and the median
// score is reported with its metrics. The machine's load average is printed with the figures:
// Lighthouse's simulated CPU time is measured on this machine, so a busy one scores lower.
// Settings: BENCH_RUNS, BENCH_PORTS (e.g. "3240-3249"), BENCH_DB_PREFIX (default "lighthouse"),
// CHROMIUM_PATH. With --write the figures replace the "Lighthouse" section of docs/benchmarks.md.
// Never fails on a score: figures are reported, the machine it runs on varies.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import { and, asc, countDistinct, eq, gt } from "drizzle-orm";
import lighthouse from "lighthouse";
import { openDatabase } from "@/db/client";
import { movies, screens, shows, theaters } from "@/db/schema";
import { addSecondCinema, theaterCount } from "@/tests/support/second-cinema";
import { APP_DIR, cleanup, createDatabase, ensureBuild, scratchDir, startInstances } from "./support/instances";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET = 95;

type Page = { name: string; path: string; cookie?: string };
type Figures = { score: number; fcp: number; lcp: number; tbt: number; cls: number; si: number };

/** The demo with two cinemas: the Los Angeles one (by zone) and a movie it shares with the other. */
async function seedTwoCinemas(url: string) {
  const database = await openDatabase({ url, seed: "demo", stories: true });
  const db = database.db;
  if ((await theaterCount(db)) === 1) await addSecondCinema(db);
  const [la] = await db.select().from(theaters).where(eq(theaters.timeZone, "America/Los_Angeles")).orderBy(asc(theaters.createdAt)).limit(1);
  if (!la) throw new Error("no cinema in America/Los_Angeles to measure");
  const [shared] = await db
    .select({ slug: movies.slug, cinemas: countDistinct(screens.theaterId) })
    .from(shows)
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(and(gt(shows.startsAt, new Date()), eq(shows.status, "scheduled")))
    .groupBy(movies.slug)
    .orderBy(asc(movies.slug))
    .having(gt(countDistinct(screens.theaterId), 1))
    .limit(1);
  if (!shared) throw new Error("no movie showing at two cinemas");
  const cinemas = await theaterCount(db);
  await database.close();
  return { la, movie: shared.slug, cinemas };
}

async function measure(origin: string, page: Page, port: number): Promise<Figures> {
  const result = await lighthouse(`${origin}${page.path}`, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
  });
  if (!result) throw new Error(`lighthouse returned nothing for ${page.path}`);
  const { categories, audits } = result.lhr;
  const value = (id: string) => audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((categories.performance.score ?? 0) * 100),
    fcp: value("first-contentful-paint"),
    lcp: value("largest-contentful-paint"),
    tbt: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    si: value("speed-index"),
  };
}

const median = <T>(xs: T[], by: (x: T) => number) => [...xs].sort((a, b) => by(a) - by(b))[Math.floor(xs.length / 2)];

async function main() {
  ensureBuild();
  const { url } = await createDatabase(process.env.BENCH_DB_PREFIX ?? "lighthouse");
  const { la, movie, cinemas } = await seedTwoCinemas(url);
  const dataDir = scratchDir("lighthouse");
  const [instance] = await startInstances({ count: 1, databaseUrl: url, dataDir });
  const pages: Page[] = [
    { name: "home, first visit (which cinema?)", path: "/" },
    { name: `home, returning (${la.name}'s programme)`, path: "/", cookie: `mq_cinema=${la.slug}` },
    { name: `movie page (/c/${la.slug}/movies/${movie})`, path: `/c/${la.slug}/movies/${movie}` },
  ];
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const rows: { page: Page; median: Figures; scores: number[]; load: number }[] = [];
  try {
    for (const page of pages) {
      await measure(instance.origin, page, chrome.port); // warm-up: the server's first render of the route
      const runs: Figures[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(instance.origin, page, chrome.port));
      const row = { page, median: median(runs, (r) => r.score), scores: runs.map((r) => r.score), load: loadavg()[0] };
      rows.push(row);
      console.log(`${page.name}: ${row.median.score} (runs ${row.scores.join(", ")})`);
    }
  } finally {
    await chrome.kill();
  }
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${cinemas} cinemas seeded, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min) at the end; Lighthouse ${lighthouseVersion()}, default mobile configuration, median of ${RUNS} runs after a warm-up. Target ≥ ${TARGET}.`,
    "",
    "| page | score (runs) | FCP | LCP | TBT | CLS | Speed Index | load (1 min) |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map(
      ({ page, median: m, scores, load }) =>
        `| ${page.name} | **${m.score}** (${scores.join(", ")}) | ${(m.fcp / 1000).toFixed(2)} s | ${(m.lcp / 1000).toFixed(2)} s | ${Math.round(m.tbt)} ms | ${m.cls.toFixed(3)} | ${(m.si / 1000).toFixed(2)} s | ${load.toFixed(1)} |`,
    ),
    "",
    "The demo on Postgres + Redis behind one `next start`, with a second cinema in Los Angeles when the demo has one " +
      "(`tests/support/second-cinema.ts`). These pages ship no client component of their own: the cinema question and the " +
      "header's switch are forms of buttons (the switch a `<details>`), the tag filter a GET form, and the zone note a " +
      "~250-byte inline script in `<head>`; what loads is Next's runtime. Lighthouse's simulated CPU time is measured on " +
      "this machine: on a busy one (other builds beside it) single runs of the same page spread by several points.",
  ];
  console.log(lines.join("\n"));
  const below = rows.filter((r) => r.median.score < TARGET);
  if (below.length) console.log(`below ${TARGET}: ${below.map((r) => r.page.name).join("; ")}`);
  if (process.argv.includes("--write")) writeSection(lines);
}

function lighthouseVersion(): string {
  return JSON.parse(readFileSync(path.join(APP_DIR, "node_modules", "lighthouse", "package.json"), "utf8")).version;
}

/** Replaces the text under "## Lighthouse" in docs/benchmarks.md (up to the next "## "), or appends the section. */
function writeSection(lines: string[]) {
  const file = path.join(APP_DIR, "docs", "benchmarks.md");
  const doc = readFileSync(file, "utf8");
  const heading = "## Lighthouse, public pages (`npm run bench:lighthouse`)";
  const body = `${heading}\n\n${lines.join("\n")}\n`;
  const start = doc.indexOf(heading);
  if (start < 0) return writeFileSync(file, `${doc.trimEnd()}\n\n${body}`);
  const next = doc.indexOf("\n## ", start + heading.length);
  writeFileSync(file, doc.slice(0, start) + body + (next < 0 ? "" : doc.slice(next)));
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
