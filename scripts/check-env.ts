// Runs before `next start`: a bad setting stops the server before it listens, naming the variable.
// (next.config.ts checks the same at build time and when Next first loads its config.)
import { EnvError, parseEnv } from "../lib/env";

try {
  parseEnv(process.env);
} catch (err) {
  if (err instanceof EnvError) {
    console.error(`\nMarquee cannot start: ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
