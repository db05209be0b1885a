// Lua run by Redis (TCP) and Upstash (REST EVAL) alike. A script runs atomically, so a
// multi-seat hold never interleaves with another, and a compare-and-act never acts on a lock
// that changed hands between the compare and the act.
// KEYS are seat lock keys; ARGV[1] is the holder id; ARGV[2], when present, a TTL in ms.

/** Returns the 1-based positions of KEYS held by someone else; empty means all are now held. */
export const HOLD_SCRIPT = `
local holder, ttl = ARGV[1], ARGV[2]
local taken = {}
for i, key in ipairs(KEYS) do
  local current = redis.call('GET', key)
  if current and current ~= holder then taken[#taken + 1] = i end
end
if #taken > 0 then return taken end
for _, key in ipairs(KEYS) do
  if not redis.call('SET', key, holder, 'NX', 'PX', ttl) then
    -- NX found a lock; the check above proves it is this holder's own (a retry, or a seat
    -- already in the selection), which counts as held: give it the fresh window.
    redis.call('PEXPIRE', key, ttl)
  end
end
return taken
`;

/** Returns the 1-based positions of KEYS this holder had and no longer has. */
export const RELEASE_SCRIPT = `
local released = {}
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    redis.call('DEL', key)
    released[#released + 1] = i
  end
end
return released
`;

/** Returns 1 when the holder had every key (all extended), 0 when not (none extended). */
export const EXTEND_SCRIPT = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) ~= ARGV[1] then return 0 end
end
for _, key in ipairs(KEYS) do redis.call('PEXPIRE', key, ARGV[2]) end
return 1
`;

/** Returns the smallest remaining TTL (ms) among the holder's keys, or -1 when it has none. */
export const EXPIRY_SCRIPT = `
local soonest = -1
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    local ttl = redis.call('PTTL', key)
    if ttl >= 0 and (soonest < 0 or ttl < soonest) then soonest = ttl end
  end
end
return soonest
`;
