import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// eslint-config-next/typescript brings in typescript-eslint's recommended rules.
const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  // One data layer: queries live in db/queries (server-only, each taking the db handle and the id
  // that scopes it); app/, components/ and lib/ call them instead of building SQL themselves.
  // Allowed to import drizzle-orm, and why:
  // - lib/booking/**: the order lifecycle owns its transactions (hold → checkout → paid/expired/
  //   cancelled → refunded) and the row locks inside them; which of its modules keep drizzle is
  //   being settled with that work.
  // Still importing it until their owners move the queries out (remove each line when they do):
  // - lib/payments/local-gateway.ts: order lifecycle work in progress.
  // - lib/auth/admin-role.ts, lib/metrics/db-gauges.ts: action pipeline and sessions work.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: [
      "lib/booking/**",
      "lib/payments/local-gateway.ts",
      "lib/auth/admin-role.ts",
      "lib/metrics/db-gauges.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*"],
              message: "Queries live in db/queries/<domain>.ts: add or reuse one there and call it with the db handle.",
            },
          ],
        },
      ],
    },
  },
  { ignores: [".next/**", "node_modules/**", "db/migrations/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts"] },
];

export default config;
