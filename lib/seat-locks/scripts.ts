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

// ---------------------------------------------------------------------------------------------
// Show facts and the one-round-trip hold.
//
// A show's facts are a hash `show_facts:<show>` (cancelled, startsAt, wrFrom, wrRate, and one
// field `s:<seatId>` = "<onSale 1|0>\t<tier>\t<label>\t<position in the layout>" per seat in use) and a set
// `show_sold:<show>` of sold seat ids, both expiring together.
//
// CLAIM_SCRIPT reads the holder's current locks through its index (SMEMBERS, then GET of each
// key it names), keys the caller cannot know before the script runs: fine on one Redis and on
// Upstash, which is what this app runs on. A Redis Cluster would need the show's keys in one slot.

/** KEYS facts, sold. ARGV ttl ms, number of field/value pairs, the pairs, then the sold seat ids. */
export const PUT_FACTS_SCRIPT: LuaScript = {
  name: "showFactsPut",
  lua: `
local ttl, pairs = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('DEL', KEYS[1], KEYS[2])
for i = 0, pairs - 1 do
  redis.call('HSET', KEYS[1], ARGV[3 + i * 2], ARGV[4 + i * 2])
end
for i = 3 + pairs * 2, #ARGV do redis.call('SADD', KEYS[2], ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
return 1
`,
};

/** KEYS facts, sold. ARGV "1" (sold) or "0" (back on sale), then seat ids. No facts: nothing to keep. */
export const MARK_SOLD_SCRIPT: LuaScript = {
  name: "showFactsMarkSold",
  lua: `
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then return 0 end
for i = 2, #ARGV do
  if ARGV[1] == '1' then redis.call('SADD', KEYS[2], ARGV[i]) else redis.call('SREM', KEYS[2], ARGV[i]) end
end
if ARGV[1] == '1' then redis.call('PEXPIRE', KEYS[2], ttl) end
return 1
`,
};

/**
 * KEYS facts, sold, the holder's index, then one counter per rate limit, then the requested
 * seats' lock keys. ARGV holder, ttl, now (epoch ms), max seats, number of limits, admitted
 * ("1"|"0"), the lock key prefix of the show, (window ms, cost, limit) per limit, then the
 * requested seat ids in the order of their keys.
 * Returns {'ok', seat ids of the whole selection…} or {reason, details…}; on refusal nothing
 * changes except a rate-limit count (as lib/rate-limit counts a refused hold).
 */
export const CLAIM_SCRIPT: LuaScript = {
  name: "seatLockClaim",
  lua: `
local holder, ttl, now, maxSeats = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local nl, admitted, prefix = tonumber(ARGV[5]), ARGV[6], ARGV[7]
local facts, sold, index = KEYS[1], KEYS[2], KEYS[3]
local head = redis.call('HMGET', facts, 'cancelled', 'startsAt', 'wrFrom')
if not head[1] then return {'no_facts'} end
if head[1] == '1' then return {'cancelled'} end
if tonumber(head[2]) <= now then return {'started'} end
if head[3] and head[3] ~= '' and tonumber(head[3]) <= now and admitted ~= '1' then return {'not_admitted'} end
-- Every limit or none: a refused call uses no budget.
local retry = 0
for i = 1, nl do
  local a = 8 + (i - 1) * 3
  local used = tonumber(redis.call('GET', KEYS[3 + i]) or '0')
  if used + tonumber(ARGV[a + 1]) > tonumber(ARGV[a + 2]) then
    local left = redis.call('PTTL', KEYS[3 + i])
    if left < 0 then left = tonumber(ARGV[a]) end
    if left > retry then retry = left end
  end
end
if retry > 0 then return {'rate_limited', retry} end
for i = 1, nl do
  local a = 8 + (i - 1) * 3
  redis.call('INCRBY', KEYS[3 + i], tonumber(ARGV[a + 1]))
  if redis.call('PTTL', KEYS[3 + i]) < 0 then redis.call('PEXPIRE', KEYS[3 + i], tonumber(ARGV[a])) end
end
local first, idsAt = 4 + nl, 8 + nl * 3
local n = #KEYS - first + 1
local fields = {}
for i = 1, n do fields[i] = 's:' .. ARGV[idsAt + i - 1] end
local seats = redis.call('HMGET', facts, unpack(fields))
local unknown = {'unknown'}
for i = 1, n do if not seats[i] then unknown[#unknown + 1] = ARGV[idsAt + i - 1] end end
if #unknown > 1 then return unknown end
local labels = {}
for i = 1, n do
  local onSale, tier, label = string.match(seats[i], '^(%d)\\t([^\\t]*)\\t([^\\t]*)\\t')
  if onSale ~= '1' then return {'not_on_sale', tier or ''} end
  labels[i] = label
end
local soldOut = {'sold'}
for i = 1, n do
  if redis.call('SISMEMBER', sold, ARGV[idsAt + i - 1]) == 1 then
    soldOut[#soldOut + 1] = ARGV[idsAt + i - 1]
    soldOut[#soldOut + 1] = labels[i]
  end
end
if #soldOut > 1 then return soldOut end
-- The holder's selection: its live locks in the show, then the new seats.
local mine, seen = {}, {}
for _, key in ipairs(redis.call('SMEMBERS', index)) do
  if redis.call('GET', key) == holder then
    mine[#mine + 1] = key
    seen[key] = true
  else
    redis.call('SREM', index, key)
  end
end
local taken = {'taken'}
for i = 1, n do
  local key = KEYS[first + i - 1]
  if not seen[key] then
    local current = redis.call('GET', key)
    if current and current ~= holder then
      taken[#taken + 1] = ARGV[idsAt + i - 1]
      taken[#taken + 1] = labels[i]
    end
    mine[#mine + 1] = key
    seen[key] = true
  end
end
if #mine > maxSeats then return {'too_many'} end
if #taken > 1 then return taken end
-- Answered in the layout's order (each seat's position is the last part of its fact).
local place = {}
for _, key in ipairs(mine) do
  local fact = redis.call('HGET', facts, 's:' .. string.sub(key, #prefix + 1))
  place[key] = tonumber(fact and string.match(fact, '\\t(%d+)$') or '0')
end
table.sort(mine, function(a, b) return place[a] < place[b] end)
local out = {'ok'}
for _, key in ipairs(mine) do
  if not redis.call('SET', key, holder, 'NX', 'PX', ttl) then redis.call('PEXPIRE', key, ttl) end
  redis.call('SADD', index, key)
  out[#out + 1] = string.sub(key, #prefix + 1)
end
if redis.call('PTTL', index) < ttl then redis.call('PEXPIRE', index, ttl) end
return out
`,
};

/** KEYS facts, sold. Returns {number of hash entries × 2, field, value, …, sold seat ids…}; {0} when none. */
export const READ_FACTS_SCRIPT: LuaScript = {
  name: "showFactsRead",
  lua: `
local hash = redis.call('HGETALL', KEYS[1])
local out = {#hash}
for _, v in ipairs(hash) do out[#out + 1] = v end
if #hash > 0 then for _, id in ipairs(redis.call('SMEMBERS', KEYS[2])) do out[#out + 1] = id end end
return out
`,
};

/** KEYS facts, sold: both gone, so the next hold rebuilds them from Postgres. */
export const DROP_FACTS_SCRIPT: LuaScript = {
  name: "showFactsDrop",
  lua: `return redis.call('DEL', KEYS[1], KEYS[2])`,
};

/**
 * KEYS seat lock keys, then the holder's index, then the show's facts. ARGV holder, the show's lock key prefix.
 * Releases the holder's own locks among KEYS, then answers what it still holds in the show:
 * {smallest TTL ms or -1, seat ids…}. One round trip for the seat map's "let go of a seat".
 */
export const RELEASE_AND_LIST_SCRIPT: LuaScript = {
  name: "seatLockReleaseAndList",
  lua: `
local holder, prefix = ARGV[1], ARGV[2]
local index, facts, seats = KEYS[#KEYS - 1], KEYS[#KEYS], #KEYS - 2
for i = 1, seats do
  if redis.call('GET', KEYS[i]) == holder then redis.call('DEL', KEYS[i]) end
  redis.call('SREM', index, KEYS[i])
end
local mine, place, soonest = {}, {}, -1
for _, key in ipairs(redis.call('SMEMBERS', index)) do
  if redis.call('GET', key) == holder then
    local id = string.sub(key, #prefix + 1)
    mine[#mine + 1] = id
    local fact = redis.call('HGET', facts, 's:' .. id)
    place[id] = tonumber(fact and string.match(fact, '\\t(%d+)$') or '0')
    local ttl = redis.call('PTTL', key)
    if ttl >= 0 and (soonest < 0 or ttl < soonest) then soonest = ttl end
  else
    redis.call('SREM', index, key)
  end
end
-- In the layout's order when the show's facts are there (as a hold answers).
table.sort(mine, function(a, b) return place[a] < place[b] end)
table.insert(mine, 1, soonest)
return mine
`,
};
