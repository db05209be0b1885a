// A closed-loop load generator: `concurrency` clients, each sending its next request as soon as
// the last one answered, for a fixed time. Throughput and latency are counted for the one step
// being measured; other steps of a client's loop (the release after a hold) run but are not timed.

export type StepOutcome = "ok" | "refused" | "error";

export type LoopResult = {
  concurrency: number;
  seconds: number;
  ops: number;
  refused: number;
  errors: number;
  firstError: string | null;
  latencies: Float64Array;
};

export async function closedLoop(opts: {
  concurrency: number;
  durationMs: number;
  /** Runs one iteration for client `i`; calls `measure` around the step that is timed. */
  iteration: (client: number, measure: <T>(step: () => Promise<T>) => Promise<T>) => Promise<StepOutcome>;
}): Promise<LoopResult> {
  const latencies: number[] = [];
  let ops = 0;
  let refused = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const deadline = started + opts.durationMs;

  const measure = async <T>(step: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const value = await step();
    // Only steps that finish inside the window count, so every run is cut at the same time.
    if (performance.now() <= deadline) latencies.push(performance.now() - t0);
    return value;
  };

  const client = async (i: number) => {
    while (performance.now() < deadline) {
      try {
        const outcome = await opts.iteration(i, measure);
        if (performance.now() > deadline) break;
        if (outcome === "ok") ops++;
        else if (outcome === "refused") refused++;
        else errors++;
      } catch (err) {
        errors++;
        firstError ??= err instanceof Error ? err.message : String(err);
        // A failing server must not turn the loop into a busy spin.
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  };

  await Promise.all(Array.from({ length: opts.concurrency }, (_, i) => client(i)));
  const seconds = Math.min(performance.now(), deadline) - started;
  return { concurrency: opts.concurrency, seconds: seconds / 1000, ops, refused, errors, firstError, latencies: Float64Array.from(latencies) };
}

/** Nearest-rank percentile (q in 0..1) of unsorted samples. */
export function percentile(samples: Float64Array, q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export type Summary = { concurrency: number; opsPerSec: number; p50: number; p95: number; p99: number; ops: number; refused: number; errors: number; firstError: string | null };

export function summarise(r: LoopResult): Summary {
  return {
    concurrency: r.concurrency,
    opsPerSec: r.ops / r.seconds,
    p50: percentile(r.latencies, 0.5),
    p95: percentile(r.latencies, 0.95),
    p99: percentile(r.latencies, 0.99),
    ops: r.ops,
    refused: r.refused,
    errors: r.errors,
    firstError: r.firstError,
  };
}

/** A plain-text table with right-aligned columns. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join("  ");
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "-");
