import "server-only";
import { redisBackend } from "@/lib/env";
import { sharedRedis } from "@/lib/redis/shared";
import { outagesAsOwnErrors } from "@/lib/redis/unavailable";
import { createMemoryWaitingRoom } from "./memory";
import { scriptedWaitingRoom } from "./scripted";
import type { WaitingRoomStore } from "./types";

export type { Place, WaitingRoomConfig, WaitingRoomStore } from "./types";

// As lib/seat-locks: on globalThis so every module copy Next loads shares one store, on the
// process's one Redis connection (or one memory map), built on first use.
const SLOT = Symbol.for("marquee.waiting-room.store");
const slot = globalThis as typeof globalThis & { [SLOT]?: WaitingRoomStore };

export function getWaitingRoom(): WaitingRoomStore {
  const store = (slot[SLOT] ??= redisBackend() === "memory" ? createMemoryWaitingRoom() : scriptedWaitingRoom(sharedRedis()));
  return store.kind === "memory" ? store : outagesAsOwnErrors(store);
}

export function setWaitingRoomForTests(store: WaitingRoomStore | undefined): void {
  slot[SLOT] = store;
}
