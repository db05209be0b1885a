import type { LuaScript, RedisConnection } from "@/lib/redis/types";
import { placeOf, type WaitingRoomStore } from "./types";

// KEYS[1] the line's state (hash: cursor, at, seq), KEYS[2] its places (sorted set: visitor key
// scored by place). ARGV who, now, from, per minute, burst, keep ms.
// The cursor (admissions so far, fractional) moves on at the rate, capped at one burst beyond the
// last place given; then a newcomer gets the next place. Returns {place, cursor as a string}.
const LINE_SCRIPT: LuaScript = {
  name: "waitingRoomJoin",
  lua: `
local who, now, from, rate, burst, keep = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local st = redis.call('HMGET', KEYS[1], 'cursor', 'at', 'seq')
local seq = tonumber(st[3] or '0')
local cursor, at = tonumber(st[1] or burst), tonumber(st[2] or math.max(now, from))
if now > at then
  cursor = cursor + (now - at) * rate / 60000
  at = now
end
if cursor > seq + burst then cursor = seq + burst end
local place = redis.call('ZSCORE', KEYS[2], who)
if place then
  place = tonumber(place)
else
  seq = seq + 1
  place = seq
  redis.call('ZADD', KEYS[2], place, who)
end
redis.call('HSET', KEYS[1], 'cursor', string.format('%.6f', cursor), 'at', at, 'seq', seq)
redis.call('PEXPIRE', KEYS[1], keep)
redis.call('PEXPIRE', KEYS[2], keep)
return {place, string.format('%.6f', cursor)}
`,
};

export function scriptedWaitingRoom(runner: RedisConnection): WaitingRoomStore {
  return {
    kind: runner.kind,
    async join(showId, who, config, now, keepMs) {
      const burst = Math.max(1, Math.ceil(config.perMinute / 60));
      const reply = await runner.run(LINE_SCRIPT, [`waiting_room:${showId}`, `waiting_room_places:${showId}`], [who, String(now), String(config.from), String(config.perMinute), String(burst), String(Math.max(1, Math.round(keepMs)))]);
      if (!Array.isArray(reply) || reply.length !== 2) throw new Error(`unexpected waiting room reply: ${JSON.stringify(reply)}`);
      return placeOf(Number(reply[0]), Number(reply[1]), config.perMinute);
    },
    close: () => runner.close(),
  };
}
