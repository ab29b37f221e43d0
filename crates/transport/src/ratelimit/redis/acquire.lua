-- One rate-limit decision for chatdesk's RedisRateLimiter, atomic on the server.
--
-- KEYS[1]  the vendor's GCRA theoretical arrival time (TAT), integer microseconds
-- KEYS[2]  the route's TAT
-- KEYS[3]  the route's shared pause: the instant (microseconds) before which nothing is sent
-- KEYS[4]  the vendor's daily counts (see daily.lua, which is put in front of this script)
-- ARGV[1]  "now" in microseconds since 1970, or "" for the server's TIME (tests fix it)
-- ARGV[2]  the longest wait the caller accepts, microseconds
-- ARGV[3]  vendor quota: interval between requests (microseconds; 0 = no vendor quota)
-- ARGV[4]  vendor quota: burst (requests at once)
-- ARGV[5]  route pacing: interval (0 = none)
-- ARGV[6]  route pacing: burst
-- ARGV[7..11] the vendor's daily quota (len_ms 0 = none; see day_quota)
--
-- The request goes at start = max(now, pause end, each quota's earliest slot). When
-- start - now fits in the caller's wait the slot is reserved (each TAT becomes
-- max(TAT, start) + interval, with a TTL until it no longer matters) and the caller sleeps
-- start - now, and the request is counted in the daily quota at start. A spent daily quota
-- (checked at start, before counting) or a wait beyond the caller's writes nothing.
-- Reply: {1 reserved | 0 wait too long | 2 daily quota spent, wait_us (2: until it frees
-- up), now_us}.

local now = tonumber(ARGV[1])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000000 + tonumber(t[2])
end
local max_wait = tonumber(ARGV[2])

local start = now
local pause_end = tonumber(redis.call('GET', KEYS[3]))
if pause_end and pause_end > start then
  start = pause_end
end

-- GCRA: the TAT (missing or past = now) less the burst's tolerance.
local function tat_of(key, interval, burst)
  if interval <= 0 then
    return nil
  end
  local tat = tonumber(redis.call('GET', key)) or now
  if tat < now then
    tat = now
  end
  local earliest = tat - interval * math.max(burst - 1, 0)
  if earliest > start then
    start = earliest
  end
  return tat
end

local v_interval, v_burst = tonumber(ARGV[3]), tonumber(ARGV[4])
local r_interval, r_burst = tonumber(ARGV[5]), tonumber(ARGV[6])
local v_tat = tat_of(KEYS[1], v_interval, v_burst)
local r_tat = tat_of(KEYS[2], r_interval, r_burst)

local wait = start - now

-- The daily budget is judged at the instant the request goes, and taken at it.
local day = day_quota(7)
local sent_ms, day_b
if day then
  sent_ms = math.floor(start / 1000)
  day_b = day_bucket(day, sent_ms)
  local spent = day_spent_until(KEYS[4], sent_ms)
  if spent then
    return {2, (spent - sent_ms) * 1000 + wait, now}
  end
  local used, counts = day_used(KEYS[4], day, day_b)
  if used >= day.usable then
    local at = day_frees_at(day, counts, day_b, used - day.usable + 1)
    return {2, (at - sent_ms) * 1000 + wait, now}
  end
end

if wait > max_wait then
  return {0, wait, now}
end

local function commit(key, tat, interval)
  local new_tat = math.max(tat, start) + interval
  redis.call('SET', key, string.format('%d', new_tat), 'PX', math.ceil((new_tat - now) / 1000))
end
if v_tat then
  commit(KEYS[1], v_tat, v_interval)
end
if r_tat then
  commit(KEYS[2], r_tat, r_interval)
end
if day then
  day_count(KEYS[4], day, day_b, math.floor(now / 1000))
end
return {1, wait, now}
