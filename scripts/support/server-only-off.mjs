// Lets a plain Node process (a test's child instance, db:seed, a bench) load server modules, as
// vitest's alias does: `server-only` throws outside React Server Components, and the react-server condition
// that silences it breaks @react-pdf. Use: node --import tsx --import ./scripts/support/server-only-off.mjs, or import it first
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      'export async function resolve(specifier, context, next) { return specifier === "server-only" ? { url: "data:text/javascript,export {}", shortCircuit: true } : next(specifier, context); }',
    ),
);
