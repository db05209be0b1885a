// One app instance as far as webhooks go, run as a child process so a test can kill it: the
// app's own webhook handler (record, answer, then run the lifecycle) behind a plain HTTP server,
// and the event worker that instrumentation.ts starts in every instance. It prints "listening"
// and its port once it serves. Environment as for the app (DATABASE_URL, REDIS_URL, STRIPE_*),
// plus PORT (0 or unset: any free port) and EVENT_WORKER_INTERVAL_MS.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getDb } from "@/db/client";
import { handleStripeWebhook, startPaymentEventWorker } from "@/lib/booking/payment-events";

const server = http.createServer();
let port = 0;
const db = await getDb();
startPaymentEventWorker(getDb, Number(process.env.EVENT_WORKER_INTERVAL_MS ?? 15_000));

server
  .on("request", (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const request = new Request(`http://127.0.0.1:${port}${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      // As next/server's after(): the work starts once the answer has gone.
      const response = await handleStripeWebhook(db, request, (work) => res.once("finish", () => void work()));
      res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
    });
  })
  .listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
    port = (server.address() as AddressInfo).port;
    console.log(`listening ${port}`);
  });
