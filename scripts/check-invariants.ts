// `npm run check:invariants`: checks the order lifecycle's invariants (db/invariants.ts) over the
// database at DATABASE_URL and exits 1 on any finding, 2 when it cannot run.
// `--wait <seconds>` re-checks until clean or the time is up (the app settles what is in flight —
// an event being processed, an email being queued — within a minute); the last findings count.
import postgres from "postgres";
import { runChecks, type Violation } from "../db/invariants";

const url = process.env.DATABASE_URL;
const waitArg = process.argv.indexOf("--wait");
const waitSeconds = waitArg > 0 ? Number(process.argv[waitArg + 1]) : 0;

async function main(): Promise<number> {
  if (!url) {
    console.error("DATABASE_URL is not set: the invariants are checked over Postgres.");
    return 2;
  }
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) {
    console.error("--wait takes a number of seconds.");
    return 2;
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const deadline = Date.now() + waitSeconds * 1000;
    let result = await runChecks(sql);
    while (result.violations.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 2000));
      result = await runChecks(sql);
    }
    report(result.passed, result.violations);
    return result.violations.length ? 1 : 0;
  } finally {
    await sql.end();
  }
}

function report(passed: string[], violations: Violation[]) {
  for (const name of passed) console.log(`ok    ${name}`);
  for (const v of violations) {
    console.log(`FAIL  ${v.check} (${v.rows.length})`);
    for (const row of v.rows.slice(0, 10)) console.log(`        ${JSON.stringify(row)}`);
  }
  console.log(violations.length ? `\n${violations.length} invariants broken` : "\nall invariants hold");
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(err);
  process.exitCode = 2;
}
