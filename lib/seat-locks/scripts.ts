// Lua run by Redis (TCP) and Upstash (REST EVAL) alike. A script runs atomically, so a
// multi-seat hold never interleaves with another, and a compare-and-act never acts on a lock
// that changed hands between the compare and the act.
// KEYS are seat lock keys, then (hold, release, extend) the holder's index last: a set of the
// lock keys it holds in the show, so "which seats are mine" never reads the whole house. The
// index lives at least as long as any lock in it; entries whose lock ran out are skipped on read.
// ARGV[1] is the holder id; ARGV[2], when present, a TTL in ms.
// Each is registered once per client under its name (lib/redis), and sent by its SHA after that.

import type { LuaScript } from "@/lib/redis/types";

/** Returns the 1-based positions of KEYS held by someone else; empty means all are now held. */
export const HOLD_SCRIPT: LuaScript = {
  name: "seatLockHold",
  lua: `
local holder, ttl = ARGV[1], tonumber(ARGV[2])
local index, seats = KEYS[#KEYS], #KEYS - 1
local taken = {}
for i = 1, seats do
  local current = redis.call('GET', KEYS[i])
  if current and current ~= holder then taken[#taken + 1] = i end
end
if #taken > 0 then return taken end
for i = 1, seats do
  if not redis.call('SET', KEYS[i], holder, 'NX', 'PX', ttl) then
    -- NX found a lock; the check above proves it is this holder's own (a retry, or a seat
    -- already in the selection), which counts as held: give it the fresh window.
    redis.call('PEXPIRE', KEYS[i], ttl)
  end
  redis.call('SADD', index, KEYS[i])
end
if redis.call('PTTL', index) < ttl then redis.call('PEXPIRE', index, ttl) end
return taken
`,
};

/** Returns the 1-based positions of KEYS this holder had and no longer has. */
export const RELEASE_SCRIPT: LuaScript = {
  name: "seatLockRelease",
  lua: `
local index, seats = KEYS[#KEYS], #KEYS - 1
local released = {}
for i = 1, seats do
  if redis.call('GET', KEYS[i]) == ARGV[1] then
    redis.call('DEL', KEYS[i])
    released[#released + 1] = i
  end
  -- Not this holder's (any more) either way: out of its index.
  redis.call('SREM', index, KEYS[i])
end
return released
`,
};

/** Returns 1 when the holder had every key (all extended), 0 when not (none extended). */
export const EXTEND_SCRIPT: LuaScript = {
  name: "seatLockExtend",
  lua: `
local ttl = tonumber(ARGV[2])
local index, seats = KEYS[#KEYS], #KEYS - 1
for i = 1, seats do
  if redis.call('GET', KEYS[i]) ~= ARGV[1] then return 0 end
end
for i = 1, seats do
  redis.call('PEXPIRE', KEYS[i], ttl)
  -- Already there when a hold took it; added for a lock taken before the index existed.
  redis.call('SADD', index, KEYS[i])
end
if redis.call('PTTL', index) < ttl then redis.call('PEXPIRE', index, ttl) end
return 1
`,
};

/** Returns the smallest remaining TTL (ms) among the holder's keys, or -1 when it has none. */
export const EXPIRY_SCRIPT: LuaScript = {
  name: "seatLockExpiry",
  lua: `
local soonest = -1
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    local ttl = redis.call('PTTL', key)
    if ttl >= 0 and (soonest < 0 or ttl < soonest) then soonest = ttl end
  end
end
return soonest
`,
};
