// Runs before `next start`: a bad setting stops the server before it listens, naming the variable.
// (next.config.ts checks the same when `next start` loads its config, and the values alone at build time.)
import { exitOnInvalidEnv } from "../lib/env";

exitOnInvalidEnv(process.env, { starting: true });
