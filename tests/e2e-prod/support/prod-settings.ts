// Where the production suite's pieces listen, shared by playwright.prod.config.ts, its global
// setup and the specs. nginx terminates TLS on the public port and proxies to `next start`.
export const PUBLIC_PORT = Number(process.env.PROD_E2E_PORT ?? 3443);
export const APP_PORT = Number(process.env.PROD_E2E_APP_PORT ?? 3441);
export const CONTROL_PORT = Number(process.env.PROD_E2E_CONTROL_PORT ?? 3442);
export const APP_URL = `https://localhost:${PUBLIC_PORT}`;
export const WORK_DIR = ".data/e2e-prod";
export const SERVER_LOG = `${WORK_DIR}/next.log`;
export const CONTROL_URL = `http://127.0.0.1:${CONTROL_PORT}`;
export const STRIPE_WEBHOOK_SECRET = "whsec_marquee_prod_e2e";
