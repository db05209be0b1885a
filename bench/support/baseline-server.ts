// The baseline the hold action is measured against: a bare node:http server that does only the
// Redis part of a hold — `SET seat_lock:<show>:<seat> <holder> NX PX <ttl>` — and DEL for a
// release, with the same request shape as the server action (JSON [{showId, seatIds}] body,
// holder from the mq_holder cookie). Whatever the app costs above this is Next.js, validation,
// Postgres checks and the all-or-nothing script. Run as its own process, like `next start`.
import http from "node:http";
import Redis from "ioredis";

const port = Number(process.env.PORT);
const ttlMs = Number(process.env.HOLD_TTL_MS ?? 600_000);
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

function holderOf(req: http.IncomingMessage): string | null {
  const match = /(?:^|;\s*)mq_holder=([A-Za-z0-9_-]{22,64})/.exec(req.headers.cookie ?? "");
  return match ? match[1] : null;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const server = http.createServer(async (req, res) => {
  try {
    const holder = holderOf(req);
    const [input] = JSON.parse(await readBody(req)) as [{ showId: string; seatIds: string[] }];
    if (!holder || !input?.showId || !Array.isArray(input.seatIds)) {
      res.writeHead(400).end();
      return;
    }
    const keys = input.seatIds.map((seat) => `seat_lock:${input.showId}:${seat}`);
    let body: unknown;
    if (req.url === "/hold") {
      const replies = await Promise.all(keys.map((key) => redis.set(key, holder, "PX", ttlMs, "NX")));
      const ok = replies.every((r) => r === "OK");
      body = ok ? { ok: true, data: { mine: input.seatIds, expiresAt: Date.now() + ttlMs } } : { ok: false, code: "conflict", message: "taken" };
    } else if (req.url === "/release") {
      await redis.del(...keys);
      body = { ok: true, data: { mine: [], expiresAt: null } };
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  } catch (err) {
    res.writeHead(500).end(String(err));
  }
});

server.keepAliveTimeout = 5_000;
server.listen(port, () => console.log(`baseline listening on ${port}`));
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    server.close();
    redis.disconnect();
    process.exit(0);
  });
}
