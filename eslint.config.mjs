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
  // - the order lifecycle's transitions in lib/booking (hold → checkout → paid/expired/cancelled →
  //   refunded): each is one transaction with the row locks (FOR UPDATE/SHARE, SKIP LOCKED) or
  //   the conditional update that decides it, kept beside the rule it enforces. Any other
  //   lib/booking module reads and writes through db/queries like the rest.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: [
      "lib/booking/start-checkout.ts",
      "lib/booking/box-office-sale.ts",
      "lib/booking/fulfil.ts",
      "lib/booking/close-order.ts",
      "lib/booking/refund-order.ts",
      "lib/booking/cancel-show.ts",
      "lib/booking/notify.ts",
      "lib/booking/payment-events.ts",
      "lib/booking/cancel-seats.ts",
      "lib/booking/swap/start-swap.ts",
      "lib/booking/swap/complete-swap.ts",
      "lib/booking/swap/close-swap.ts",
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
