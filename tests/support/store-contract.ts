import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe } from "vitest";
import { startUpstashFake } from "./upstash-fake";

// The plumbing shared by the contract suites of the Redis-backed stores (seat locks, rate
// limits): one set of rules is run on memory always, and on Redis (TCP) and Upstash (the REST
// fake in front of the same real Redis) when REDIS_URL is set, as in CI. Several clients on one
// backend stand for several server instances.

export type ContractBackend<S> = { connect(): S; teardown?(): Promise<void> };
type Closeable = { close(): Promise<void> };

/** Opens the backend before the suite and closes every client (and the backend) after it. */
export function useContractBackend<S extends Closeable>(setup: () => Promise<ContractBackend<S>>) {
  let backend: ContractBackend<S> | undefined;
  const opened: S[] = [];
  const connect = () => {
    const store = backend!.connect();
    opened.push(store);
    return store;
  };
  let first: S | undefined;
  beforeAll(async () => {
    backend = await setup();
    first = connect();
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await backend?.teardown?.();
  });
  return {
    connect,
    /** The suite's first client. */
    get store() {
      return first!;
    },
  };
}

export type StoreFactories<S> = {
  memory: () => ContractBackend<S>;
  redis: (url: string) => S;
  upstash: (options: { url: string; token: string }) => S;
};

/** Registers the contract on each backend; the Redis ones only when REDIS_URL is set. */
export function onEveryBackend<S>(contract: (kind: "memory" | "redis" | "upstash", setup: () => Promise<ContractBackend<S>>) => void, make: StoreFactories<S>, redisOnly?: () => void) {
  const redisUrl = process.env.REDIS_URL;
  contract("memory", async () => make.memory());
  describe.skipIf(!redisUrl)("with REDIS_URL", () => {
    contract("redis", async () => ({ connect: () => make.redis(redisUrl!) }));
    contract("upstash", async () => {
      const token = randomUUID();
      const fake = await startUpstashFake({ redisUrl: redisUrl!, token });
      return { connect: () => make.upstash({ url: fake.url, token }), teardown: () => fake.close() };
    });
    redisOnly?.();
  });
}
