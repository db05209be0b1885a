// Seat-map benchmark (`npm run bench:seatmap`), in Debian's Chromium against the production build.
//
// It expects a production build in .next (`npm run build`); when there is none it runs
// `next build` first. It then starts `next start` in demo mode on an embedded database of its
// own (a scratch PGlite directory, removed afterwards) and measures, with the seat map's own
// performance marks and requestAnimationFrame:
//
//   1. render: the 5,000-seat arena (/dev/seat-map-arena) from the start of the seat map's first
//      client render to the first paint after it is committed. Median of BENCH_LOADS page loads.
//   2. toggle: a real click on a seat to the next paint (a capture listener stamps the click; a
//      requestAnimationFrame callback followed by a message-channel task runs once the frame that
//      shows the change is painted). p50/p95 over BENCH_TOGGLES clicks on the same arena.
//   1b. the same render with Chromium's CPU throttled 4x (CDP Emulation.setCPUThrottlingRate), the
//      way a mid-range phone runs it. Median of BENCH_LOADS page loads.
//   3. first-load JS: the gzipped size of every script a showtime page loads (from the network
//      responses, gzipped here at zlib's default level, as `next start` serves them).
//
// Settings: BENCH_PORT (default: a free port in 3300-3399), BENCH_LOADS (default 7),
// BENCH_TOGGLES (default 50), CHROMIUM_PATH (default /usr/bin/chromium). With --write the
// figures replace the "Seat map" section of docs/benchmarks.md (other sections are kept).
// With --js-only it measures only 3 (and lists each script), for trying a change to the bundle.
// Figures past their targets are reported, never fail the run: the machine it runs on varies.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { theater as firstCinema } from "@/db/seed-data";
import { chromiumLaunch, startDemoServer } from "./support/demo-server";
import { APP_DIR, cleanup, ensureBuild } from "./support/instances";

const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const TOGGLES = Number(process.env.BENCH_TOGGLES ?? 50);

const TARGETS = { renderMs: 150, throttledRenderMs: 400, toggleMs: 50, firstLoadKb: 150 };
/** How much slower than this machine the throttled pass runs the page's CPU work. */
const CPU_THROTTLE = 4;

// The same window the e2e suite's desktop project uses.
const VIEWPORT = { width: 1280, height: 720 };

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
const sortedCopy = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** The arena (its map does not poll: no other update competes with the measurement). */
async function openArena(page: Page, origin: string) {
  await page.goto(`${origin}/dev/seat-map-arena`);
  await page.locator("[data-seat-id]").first().waitFor();
}

async function measureRender(page: Page, origin: string): Promise<{ commitMs: number; paintMs: number; seats: number }> {
  await openArena(page, origin);
  // The map marks its own paint (components/seat-map/seat-map.tsx, MeasuredCanvas).
  const painted = await page.waitForFunction(() => performance.getEntriesByName("seatmap:render-paint").length > 0);
  await painted.dispose();
  return page.evaluate(() => ({
    commitMs: performance.getEntriesByName("seatmap:render")[0].duration,
    paintMs: performance.getEntriesByName("seatmap:render-paint")[0].duration,
    seats: document.querySelectorAll("[data-seat-id]").length,
  }));
}

/** One click on a seat: from the click event to the next paint, and the map's own toggle measure. */
async function measureToggle(page: Page, seatId: string): Promise<{ paintMs: number; commitMs: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __toggle?: Promise<number> };
    w.__toggle = new Promise((resolve) => {
      window.addEventListener(
        "click",
        () => {
          const start = performance.now();
          performance.mark("bench:click");
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              performance.mark("bench:painted");
              resolve(performance.now() - start);
            };
            channel.port2.postMessage(null);
          });
        },
        { capture: true, once: true },
      );
    });
    performance.clearMeasures("seatmap:toggle");
  });
  const answered = page.waitForResponse((res) => res.request().method() === "POST" && res.request().headers()["next-action"] !== undefined);
  await page.locator(`[data-seat-id="${seatId}"]`).click();
  const paintMs = await page.evaluate(() => (window as unknown as { __toggle: Promise<number> }).__toggle);
  const commitMs = await page.evaluate(() => performance.getEntriesByName("seatmap:toggle").at(-1)?.duration ?? NaN);
  // The hold (or release) answers before the next click, as it would for a customer.
  await answered;
  return { paintMs, commitMs };
}

/** Available, plain seats in the middle of the arena, where a click never meets a seat rule. */
async function toggleSeats(page: Page, count: number): Promise<string[]> {
  return page.evaluate((n) => {
    const all = [...document.querySelectorAll<SVGGElement>('[data-seat-id][data-state="available"]')];
    const plain = all.filter((el) => /^Row [A-Z]+, seat \d+, standard/.test(el.getAttribute("aria-label") ?? ""));
    const mid = Math.floor(plain.length / 2);
    return plain.slice(mid, mid + n).map((el) => el.getAttribute("data-seat-id")!);
  }, count);
}

async function firstLoadJs(page: Page, origin: string, list = false): Promise<{ files: number; rawKb: number; gzipKb: number; url: string }> {
  // A returning visitor of the demo's first cinema (the cookie lib/catalog/chosen-cinema.ts reads):
  // the home page is its programme, not the question which cinema.
  await page.context().addCookies([{ name: "mq_cinema", value: firstCinema.slug, url: origin }]);
  await page.goto(origin);
  const days = page.getByRole("navigation", { name: "Choose a day" }).getByRole("link");
  await page.goto(new URL((await days.nth(1).getAttribute("href")) ?? "/", origin).toString());
  const href = await page.locator('main a[href^="/shows/"]').first().getAttribute("href");
  if (!href) throw new Error("no show on tomorrow's listing");

  // A fresh page, so nothing comes from an earlier page's cache.
  const fresh = await page.context().newPage();
  const bodies: Promise<Buffer>[] = [];
  const urls: string[] = [];
  fresh.on("response", (res) => {
    if (res.request().resourceType() !== "script") return;
    urls.push(new URL(res.url()).pathname);
    bodies.push(res.body());
  });
  await fresh.goto(new URL(href, origin).toString(), { waitUntil: "load" });
  await fresh.locator("[data-seat-id]").first().waitFor();
  const all = await Promise.all(bodies);
  await fresh.close();
  if (list) all.forEach((b, k) => console.log(`  ${(gzipSync(b).length / 1024).toFixed(1).padStart(6)} kB gz  ${(b.length / 1024).toFixed(1).padStart(6)} kB  ${urls[k]}`));
  const raw = all.reduce((s, b) => s + b.length, 0);
  const gzip = all.reduce((s, b) => s + gzipSync(b).length, 0);
  return { files: all.length, rawKb: raw / 1024, gzipKb: gzip / 1024, url: href };
}

type TraceEvent = { name: string; cat: string; ts: number; tts?: number };

/**
 * CPU time of the page's main thread between pairs of user-timing marks, from a Chromium trace:
 * each mark carries the thread's CPU clock (tts) as well as the wall clock (ts). Unlike the
 * wall-clock figures it hardly depends on what else the machine is doing (the shared machine
 * these figures come from is often several times oversubscribed). Raster work on other threads
 * is not in it.
 */
function cpuBetween(trace: Buffer, startMark: string, endMark: string): number[] {
  const events = (JSON.parse(trace.toString("utf8")) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks = (name: string) => events.filter((e) => e.name === name && e.cat.includes("blink.user_timing") && e.tts !== undefined).sort((a, b) => a.ts - b.ts);
  const ends = marks(endMark);
  return marks(startMark).flatMap((start) => {
    const end = ends.find((e) => e.ts >= start.ts);
    return end ? [(end.tts! - start.tts!) / 1000] : [];
  });
}

const TRACE_CATEGORIES = ["blink.user_timing"];

function writeDocs(section: string) {
  const file = path.join(APP_DIR, "docs", "benchmarks.md");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = current.indexOf("\n## Seat map\n");
  let next: string;
  if (start === -1) next = `${current.trimEnd()}\n\n${section}`;
  else {
    const after = current.indexOf("\n## ", start + 1);
    next = current.slice(0, start + 1) + section + (after === -1 ? "" : `\n${current.slice(after + 1)}`);
  }
  writeFileSync(file, next.trimEnd() + "\n");
  console.log(`\nwrote the figures to ${path.relative(APP_DIR, file)}`);
}

async function main() {
  ensureBuild();
  const origin = await startDemoServer();
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    if (process.argv.includes("--js-only")) {
      const js = await firstLoadJs(await context.newPage(), origin, true);
      console.log(`\nShowtime page first-load JS, gzipped (${js.files} scripts, ${js.rawKb.toFixed(0)} kB raw): ${js.gzipKb.toFixed(1)} kB (target < ${TARGETS.firstLoadKb} kB); load ${loadavg()[0].toFixed(1)}`);
      return;
    }

    // A first load warms the server (compiles nothing, but fills its caches) and the browser's.
    const page = await context.newPage();
    await measureRender(page, origin);
    const renders: { commitMs: number; paintMs: number; seats: number }[] = [];
    for (let i = 0; i < LOADS; i++) renders.push(await measureRender(page, origin));
    const seats = renders[0].seats;

    await openArena(page, origin);
    const ids = await toggleSeats(page, Math.ceil(TOGGLES / 2));
    const toggles: { paintMs: number; commitMs: number }[] = [];
    // Each seat is selected and released again; the arena allows 10 seats, so at most one is held.
    for (let i = 0; toggles.length < TOGGLES; i++) toggles.push(await measureToggle(page, ids[Math.floor(i / 2) % ids.length]));

    // A second, traced pass for main-thread CPU time (tracing slows the page, so the wall-clock
    // figures above come from the untraced pass).
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    for (let i = 0; i < 3; i++) await measureRender(page, origin);
    const renderCpu = sortedCopy(cpuBetween(await browser.stopTracing(), "seatmap:render-start", "seatmap:render-painted"));
    await openArena(page, origin);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    for (let i = 0; i < 20; i++) await measureToggle(page, ids[Math.floor(i / 2) % ids.length]);
    const toggleCpu = sortedCopy(cpuBetween(await browser.stopTracing(), "bench:click", "bench:painted"));

    const js = await firstLoadJs(page, origin);

    // The render again on a page whose CPU runs 4x slower (a mid-range phone), in a page of its own.
    const slow = await context.newPage();
    const cdp = await slow.context().newCDPSession(slow);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_THROTTLE });
    await measureRender(slow, origin);
    const throttled: number[] = [];
    for (let i = 0; i < LOADS; i++) throttled.push((await measureRender(slow, origin)).paintMs);
    await slow.close();

    // The figures depend on what else the machine is doing; the load average travels with them.
    const load = `${loadavg()[0].toFixed(1)} (1-min load average at the end, ${cpus().length} CPUs)`;
    const renderPaint = quantile(sortedCopy(renders.map((r) => r.paintMs)), 0.5);
    const renderCommit = quantile(sortedCopy(renders.map((r) => r.commitMs)), 0.5);
    const paint = sortedCopy(toggles.map((t) => t.paintMs));
    const commit = sortedCopy(toggles.map((t) => t.commitMs));
    const mark = (ok: boolean) => (ok ? "meets target" : "MISSES target");
    const rows: [string, string, string, string][] = [
      [`Render ${seats.toLocaleString("en-US")} seats (first client render → first paint), median of ${LOADS}`, `${renderPaint.toFixed(0)} ms`, `< ${TARGETS.renderMs} ms`, mark(renderPaint < TARGETS.renderMs)],
      ["  of which React render + commit", `${renderCommit.toFixed(0)} ms`, "", ""],
      [
        `Render ${seats.toLocaleString("en-US")} seats with ${CPU_THROTTLE}x CPU throttling (a mid-range phone), median of ${LOADS}`,
        `${quantile(sortedCopy(throttled), 0.5).toFixed(0)} ms`,
        `< ${TARGETS.throttledRenderMs} ms`,
        mark(quantile(sortedCopy(throttled), 0.5) < TARGETS.throttledRenderMs),
      ],
      [`  main-thread CPU time in that window, median of ${renderCpu.length} traced loads`, `${quantile(renderCpu, 0.5).toFixed(0)} ms`, `< ${TARGETS.renderMs} ms`, mark(quantile(renderCpu, 0.5) < TARGETS.renderMs)],
      [`Seat toggle (click → next paint), p50 of ${toggles.length}`, `${quantile(paint, 0.5).toFixed(1)} ms`, `< ${TARGETS.toggleMs} ms`, mark(quantile(paint, 0.5) < TARGETS.toggleMs)],
      [`Seat toggle (click → next paint), p95 of ${toggles.length}`, `${quantile(paint, 0.95).toFixed(1)} ms`, `< ${TARGETS.toggleMs} ms`, mark(quantile(paint, 0.95) < TARGETS.toggleMs)],
      ["  of which React update + commit, p50 / p95", `${quantile(commit, 0.5).toFixed(1)} / ${quantile(commit, 0.95).toFixed(1)} ms`, "", ""],
      [`  main-thread CPU time in that window, p50 / p95 of ${toggleCpu.length} traced toggles`, `${quantile(toggleCpu, 0.5).toFixed(1)} / ${quantile(toggleCpu, 0.95).toFixed(1)} ms`, `< ${TARGETS.toggleMs} ms`, mark(quantile(toggleCpu, 0.95) < TARGETS.toggleMs)],
      [`Showtime page first-load JS, gzipped (${js.files} scripts, ${js.rawKb.toFixed(0)} kB raw)`, `${js.gzipKb.toFixed(1)} kB`, `< ${TARGETS.firstLoadKb} kB`, mark(js.gzipKb < TARGETS.firstLoadKb)],
    ];

    console.log(`\nSeat map benchmark, machine load ${load}`);
    for (const [what, figure, target, verdict] of rows) console.log(`  ${what.padEnd(84)} ${figure.padStart(14)}  ${target.padEnd(10)} ${verdict}`);

    if (process.argv.includes("--write")) {
      const date = new Date().toISOString().slice(0, 10);
      const table = rows.map(([what, figure, target, verdict]) => `| ${what.trim()} | ${figure} | ${target} | ${verdict} |`).join("\n");
      writeDocs(
        `## Seat map\n\n` +
          `\`npm run bench:seatmap\` (bench/seatmap.ts), ${date}: the production build (\`npm run build\` first; the script builds only when .next has no build) ` +
          `under \`next start\` in demo mode, Debian's Chromium ${browser.version()} at ${VIEWPORT.width}×${VIEWPORT.height}, ` +
          `on the shared development machine, load ${load}. The render and toggle figures use the 5,000-seat arena (/dev/seat-map-arena, demo mode only) ` +
          `with about a third of the house sold or held; the JS figure is a seeded showtime page.\n\n` +
          `| Measure | Figure | Target | |\n|---|---|---|---|\n${table}\n\n` +
          `How: the seat map marks \`seatmap:render-start\` when its first client render begins and measures \`seatmap:render\` once it is committed; ` +
          `the paint is the first requestAnimationFrame after that commit followed by a message-channel task (which runs after the frame is painted). ` +
          `A toggle is a real click through Playwright; a capture listener on window stamps it and the same rAF + task pair stamps the paint. ` +
          `First-load JS is every script response of a fresh showtime page load, each gzipped at zlib's default level and summed; ` +
          `the list view and best-available code load on first use and are not counted. ` +
          `The CPU rows come from a second, traced pass: the renderer main thread's CPU clock (the trace's thread timestamps) between the same marks — ` +
          `what the page itself costs on that thread, without the waiting for a CPU that a busy machine adds to the wall-clock rows (raster threads are not in it). ` +
          `What the misses come from and what would fix them: components/seat-map/README.md, "Performance".\n`,
      );
    }
  } finally {
    await browser.close();
    await cleanup();
  }
}

main().catch(async (err) => {
  console.error(err);
  await cleanup();
  process.exit(1);
});
