-- One rate-limit decision for chatdesk's RedisRateLimiter, atomic on the server.
--
-- KEYS[1]  the vendor's GCRA theoretical arrival time (TAT), integer microseconds
-- KEYS[2]  the route's TAT
-- KEYS[3]  the route's shared pause: the instant (microseconds) before which nothing is sent
-- ARGV[1]  "now" in microseconds since 1970, or "" for the server's TIME (tests fix it)
-- ARGV[2]  the longest wait the caller accepts, microseconds
-- ARGV[3]  vendor quota: interval between requests (microseconds; 0 = no vendor quota)
-- ARGV[4]  vendor quota: burst (requests at once)
-- ARGV[5]  route pacing: interval (0 = none)
-- ARGV[6]  route pacing: burst
--
-- The request goes at start = max(now, pause end, each quota's earliest slot). When
-- start - now fits in the caller's wait the slot is reserved (each TAT becomes
-- max(TAT, start) + interval, with a TTL until it no longer matters) and the caller sleeps
-- start - now. Otherwise nothing is written. Reply: {reserved 1|0, wait_us, now_us}.

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
return {1, wait, now}
