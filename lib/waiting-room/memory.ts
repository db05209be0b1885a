import { burstOf, placeOf, type WaitingRoomStore } from "./types";

type Line = { seq: number; cursor: number; at: number; places: Map<string, number>; until: number };

const SHARED = Symbol.for("marquee.waiting-room.memory");

function sharedLines(): Map<string, Line> {
  const slot = globalThis as typeof globalThis & { [SHARED]?: Map<string, Line> };
  return (slot[SHARED] ??= new Map());
}

/** The line in this process (the embedded default, one instance): the same rules as LINE_SCRIPT. */
export function createMemoryWaitingRoom(lines: Map<string, Line> = sharedLines()): WaitingRoomStore {
  return {
    kind: "memory",
    async join(showId, who, config, now, keepMs) {
      for (const [id, line] of lines) if (line.until <= now) lines.delete(id);
      const burst = burstOf(config.perMinute);
      let line = lines.get(showId);
      if (!line) lines.set(showId, (line = { seq: 0, cursor: burst, at: Math.max(now, config.from), places: new Map(), until: 0 }));
      if (now > line.at) {
        line.cursor += ((now - line.at) * config.perMinute) / 60_000;
        line.at = now;
      }
      line.cursor = Math.min(line.cursor, line.seq + burst);
      let place = line.places.get(who);
      if (place === undefined) line.places.set(who, (place = ++line.seq));
      line.until = now + keepMs;
      return placeOf(place, line.cursor, config.perMinute);
    },
    async close() {},
  };
}
