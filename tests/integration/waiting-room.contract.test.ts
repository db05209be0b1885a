import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { onEveryBackend, useContractBackend, type ContractBackend } from "@/tests/support/store-contract";
import { connectRedis } from "@/lib/redis/ioredis";
import { connectUpstash } from "@/lib/redis/upstash";
import { createMemoryWaitingRoom } from "@/lib/waiting-room/memory";
import { scriptedWaitingRoom } from "@/lib/waiting-room/scripted";
import type { WaitingRoomStore } from "@/lib/waiting-room/types";

// The waiting line's rules on every backend (memory always; Redis and Upstash with REDIS_URL).
// The clock is passed in, so a minute of admissions is judged without waiting a minute.

const T0 = 1_900_000_000_000;
const KEEP = 3_600_000;
const newShow = () => `show-${randomUUID()}`;

function waitingRoomContract(kind: string, setup: () => Promise<ContractBackend<WaitingRoomStore>>) {
  describe(`waiting room on ${kind}`, () => {
    const backend = useContractBackend(setup);

    it("admits first come, first served: at every moment the admitted are exactly the earliest arrivals", async () => {
      const show = newShow();
      const config = { from: T0, perMinute: 60 };
      const visitors = Array.from({ length: 30 }, (_, i) => `holder:v${i}`);
      const first = [];
      for (const [i, v] of visitors.entries()) first.push(await backend.store.join(show, v, config, T0 + i, KEEP));
      expect(first.map((p) => p.place)).toEqual(visitors.map((_, i) => i + 1));
      expect(first.filter((p) => p.admitted).map((p) => p.place)).toEqual([1]);
      expect(first[29]).toMatchObject({ admitted: false, ahead: 28 });
      expect(first[29].waitMs).toBeGreaterThan(25_000);
      for (const seconds of [5, 12, 29]) {
        const now = T0 + seconds * 1000 + 100;
        const places = await Promise.all(visitors.map((v) => backend.connect().join(show, v, config, now, KEEP)));
        const admitted = places.filter((p) => p.admitted).map((p) => p.place);
        // A prefix of the line, and as many as the rate allows (one burst plus one a second).
        expect(admitted).toEqual(Array.from({ length: admitted.length }, (_, i) => i + 1));
        expect(admitted.length).toBe(1 + seconds);
      }
    });

    it("gives one place per visitor, however many tabs or instances ask at once", async () => {
      const show = newShow();
      const config = { from: T0, perMinute: 6 };
      const clients = [backend.store, backend.connect(), backend.connect()];
      const asks = Array.from({ length: 120 }, (_, i) => clients[i % 3].join(show, `holder:v${i % 40}`, config, T0, KEEP));
      const places = await Promise.all(asks);
      const byVisitor = new Map<number, Set<number>>();
      places.forEach((p, i) => byVisitor.set(i % 40, (byVisitor.get(i % 40) ?? new Set()).add(p.place)));
      for (const set of byVisitor.values()) expect(set.size).toBe(1);
      expect([...byVisitor.values()].map((s) => [...s][0]).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it("admits at the rate set, within 10% over a minute, and banks no more than a second's worth while nobody waits", async () => {
      const show = newShow();
      const config = { from: T0, perMinute: 300 };
      // Before the crowd, a lone visitor is let straight in.
      expect((await backend.store.join(show, "holder:early", config, T0, KEEP)).admitted).toBe(true);
      // Ten quiet minutes later, 700 arrive at once (in batches: one client's connection is not the point here).
      const rush = T0 + 10 * 60_000;
      const crowd = Array.from({ length: 700 }, (_, i) => `holder:c${i}`);
      const joinAll = async (store: WaitingRoomStore, now: number) => {
        const places = [];
        for (let i = 0; i < crowd.length; i += 100) places.push(...(await Promise.all(crowd.slice(i, i + 100).map((v) => store.join(show, v, config, now, KEEP)))));
        return places;
      };
      const arrived = await joinAll(backend.store, rush);
      expect(arrived.filter((p) => p.admitted).length).toBeLessThanOrEqual(5);
      const inAMinute = (await joinAll(backend.connect(), rush + 60_000)).filter((p) => p.admitted).length;
      expect(inAMinute).toBeGreaterThanOrEqual(300);
      expect(inAMinute).toBeLessThanOrEqual(330);
    });

    it("lets a lone visitor in at once when the rush is over", async () => {
      const show = newShow();
      const config = { from: T0, perMinute: 2 };
      const crowd = Array.from({ length: 4 }, (_, i) => `holder:c${i}`);
      for (const v of crowd) await backend.store.join(show, v, config, T0, KEEP);
      // Two minutes on, all four are in; a newcomer a while later does not wait.
      const later = T0 + 10 * 60_000;
      expect((await backend.store.join(show, "holder:late", config, later, KEEP)).admitted).toBe(true);
    });
  });
}

onEveryBackend(
  waitingRoomContract,
  {
    memory: () => {
      const lines = new Map();
      return { connect: () => createMemoryWaitingRoom(lines) };
    },
    redis: (url) => scriptedWaitingRoom(connectRedis(url)),
    upstash: (options) => scriptedWaitingRoom(connectUpstash({ ...options, timeoutMs: 10_000 })),
  },
  () => {
    it("survives an instance restart: a new connection finds everyone's place and the admissions so far", async () => {
      const show = newShow();
      const config = { from: T0, perMinute: 60 };
      const before = scriptedWaitingRoom(connectRedis(process.env.REDIS_URL!));
      const visitors = Array.from({ length: 20 }, (_, i) => `user:u${i}`);
      const places = [];
      for (const v of visitors) places.push(await before.join(show, v, config, T0 + 500, KEEP));
      await before.close();
      const after = scriptedWaitingRoom(connectRedis(process.env.REDIS_URL!));
      try {
        const again = await Promise.all(visitors.map((v) => after.join(show, v, config, T0 + 500, KEEP)));
        expect(again.map((p) => p.place)).toEqual(places.map((p) => p.place));
        expect(again.map((p) => p.admitted)).toEqual(places.map((p) => p.admitted));
        expect((await after.join(show, "user:new", config, T0 + 500, KEEP)).place).toBe(21);
      } finally {
        await after.close();
      }
    });
  },
);
