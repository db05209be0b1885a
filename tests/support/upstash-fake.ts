import http from "node:http";
import type { AddressInfo } from "node:net";
import Redis from "ioredis";

// A local stand-in for Upstash's REST front, in front of a real Redis, so the real
// @upstash/redis SDK runs against real Redis semantics (Lua, TTLs) in tests:
//   POST /             body ["SET","k","v"]            → {"result": …}
//   POST /pipeline     body [["GET","k"],["DEL","k"]]  → [{"result": …} | {"error": …}, …]
//   POST /multi-exec   same body, run in MULTI/EXEC    → same shape
// `Authorization: Bearer <token>` is required. With `Upstash-Encoding: base64` string results
// (inside arrays too) are base64, as Upstash sends them; the SDK asks for that by default.
// Since SDK 1.3x auto-pipelining is on by default, so nearly every call arrives at /pipeline.

type Reply = string | number | null | Reply[];
type Outcome = { result: Reply } | { error: string };

export type UpstashFake = { url: string; close(): Promise<void> };

function encode(value: Reply): Reply {
  if (typeof value === "string") return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(encode);
  return value;
}

// Upstash leaves the status reply "OK" as is at the top level (the SDK special-cases it);
// a bulk string "OK" encoded would decode to the same, so nothing is lost by not telling them apart.
function encodeTop(value: Reply): Reply {
  return value === "OK" ? value : encode(value);
}

function isCommand(value: unknown): value is (string | number | boolean)[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((part) => typeof part === "string" || typeof part === "number" || typeof part === "boolean")
  );
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startUpstashFake(options: { redisUrl: string; token: string }): Promise<UpstashFake> {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });

  const call = (command: (string | number | boolean)[]) => {
    const [name, ...args] = command.map(String);
    return redis.call(name, ...args) as Promise<Reply>;
  };

  // Sent back to back on one connection, so Redis runs them in order, as Upstash does; like
  // Upstash, a pipeline is not atomic and one failing command does not stop the rest.
  const pipeline = (commands: (string | number | boolean)[][]): Promise<Outcome[]> =>
    Promise.all(commands.map((c) => call(c).then((result) => ({ result }), (err) => ({ error: message(err) }))));

  const multiExec = async (commands: (string | number | boolean)[][]): Promise<Outcome[]> => {
    const multi = redis.multi();
    for (const c of commands) {
      const [name, ...args] = c.map(String);
      multi.call(name, ...args);
    }
    const results = (await multi.exec()) ?? [];
    return results.map(([err, result]) => (err ? { error: message(err) } : { result: result as Reply }));
  };

  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    try {
      if (req.headers.authorization !== `Bearer ${options.token}`) return send(401, { error: "Unauthorized" });
      if (req.method !== "POST") return send(405, { error: "Method not allowed" });
      const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return send(400, { error: "ERR failed to parse command" });
      }
      const path = new URL(req.url ?? "/", "http://fake").pathname.replace(/\/+$/, "");

      if (path === "") {
        if (!isCommand(body)) return send(400, { error: "ERR failed to parse command" });
        try {
          const result = await call(body);
          return send(200, { result: base64 ? encodeTop(result) : result });
        } catch (err) {
          return send(400, { error: message(err) });
        }
      }
      if (path === "/pipeline" || path === "/multi-exec") {
        if (!Array.isArray(body) || body.length === 0 || !body.every(isCommand)) {
          return send(400, { error: "ERR failed to parse pipeline request" });
        }
        let outcomes: Outcome[];
        try {
          outcomes = await (path === "/pipeline" ? pipeline(body) : multiExec(body));
        } catch (err) {
          // A command refused while queueing aborts the whole transaction (EXECABORT).
          return send(400, { error: message(err) });
        }
        return send(200, base64 ? outcomes.map((o) => ("result" in o ? { result: encodeTop(o.result) } : o)) : outcomes);
      }
      return send(404, { error: `ERR unknown path ${path}` });
    } catch (err) {
      send(500, { error: message(err) });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis.quit();
    },
  };
}
