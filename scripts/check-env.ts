// Runs before `next start`: a bad setting stops the server before it listens, naming the variable.
// (next.config.ts checks the same at build time and when Next first loads its config.)
import { exitOnInvalidEnv } from "../lib/env";

exitOnInvalidEnv();
