-- A daily quota's budget, or the vendor's word that it is spent (chatdesk's RedisRateLimiter).
-- daily.lua is put in front of this script.
--
-- KEYS[1]  the vendor's daily counts (a hash)
-- ARGV[1]  "now" in microseconds since 1970, or "" for the server's TIME (tests fix it)
-- ARGV[2]  "spent" (mark the quota spent) or "budget" (read it)
-- ARGV[3]  with "spent": how long until it frees up, ms, or "" when the vendor did not say
--          (then 24 h for a rolling quota, else until its reset); a longer mark holds
-- ARGV[4..8] the quota (see day_quota)
--
-- Reply: {used, remaining, resets_in_ms} ("spent": {0, 0, 0}).

local now = tonumber(ARGV[1])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000000 + tonumber(t[2])
end
local now_ms = math.floor(now / 1000)
local q = day_quota(4)
local b = day_bucket(q, now_ms)

if ARGV[2] == 'spent' then
  local until_ms
  local said = tonumber(ARGV[3])
  if said then
    until_ms = now_ms + said
  elseif q.rolling then
    until_ms = now_ms + DAY_MS
  else
    until_ms = day_drops_at(q, b)
  end
  local held = tonumber(redis.call('HGET', KEYS[1], 'spent'))
  if held and held > until_ms then
    until_ms = held
  end
  redis.call('HSET', KEYS[1], 'spent', string.format('%d', until_ms))
  day_expire(KEYS[1], q, b, now_ms)
  return {0, 0, 0}
end

local used, counts = day_used(KEYS[1], q, b)
local spent = day_spent_until(KEYS[1], now_ms)
local remaining, at
if spent then
  remaining, at = 0, spent
elseif used == 0 and q.rolling then
  remaining, at = q.usable, now_ms
else
  remaining = math.max(q.usable - used, 0)
  if q.rolling then
    at = day_frees_at(q, counts, b, 1)
  else
    at = day_drops_at(q, b)
  end
end
return {used, remaining, at - now_ms}
