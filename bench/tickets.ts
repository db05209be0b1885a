// Ticket PDF render time: `npx tsx bench/tickets.ts` (target: p50 under 300 ms for 4 seats).
//
// The ticket modules start with `import "server-only"`, which throws unless the react-server
// condition is set, and that condition cannot be used here: it swaps React for its server build,
// which react-pdf's reconciler cannot run on. So the marker alone is resolved to an empty module
// before anything imports it, the way vitest's alias does.
// Before any import below resolves `server-only` (a static import runs before the awaited ones).
import "../scripts/support/server-only-off.mjs";

const { renderTicketsPdf } = await import("@/lib/tickets/ticket-pdf");
const { benchOrder } = await import("./tickets-fixture");

const WARMUPS = 3;
const RUNS = 30;

async function measure(seats: number) {
  const data = benchOrder(seats);
  for (let i = 0; i < WARMUPS; i++) await renderTicketsPdf(data);
  const times: number[] = [];
  let pdf: Buffer = Buffer.alloc(0);
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    pdf = await renderTicketsPdf(data);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { seats, p50: at(0.5), p95: at(0.95), max: times[times.length - 1], pages: countPages(pdf), kb: pdf.length / 1024 };
}

// Page objects in the PDF: "/Type /Page" not followed by "s" (that one is the page tree).
function countPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

const fmt = (ms: number) => ms.toFixed(1).padStart(7);
const baseline = await measure(1);
const order = await measure(4);

console.log(`ticket PDF render, ${RUNS} runs after ${WARMUPS} warm-ups (node ${process.version})`);
console.log("seats   p50 ms   p95 ms   max ms  pages     KB");
for (const r of [baseline, order]) {
  console.log(`${String(r.seats).padStart(5)}  ${fmt(r.p50)}  ${fmt(r.p95)}  ${fmt(r.max)}  ${String(r.pages).padStart(5)}  ${r.kb.toFixed(0).padStart(5)}`);
}
console.log(`4-seat / 1-seat p50 ratio: ${(order.p50 / baseline.p50).toFixed(2)}`);
const ok = order.p95 < 300 && order.pages === 4;
console.log(ok ? "OK: 4 seats render under 300 ms (p95)" : "SLOW or wrong page count: target is 4 pages under 300 ms (p95)");
process.exitCode = ok ? 0 : 1;
