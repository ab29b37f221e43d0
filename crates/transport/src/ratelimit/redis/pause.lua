-- A refusal seen by one worker pauses a route for every worker (chatdesk's RedisRateLimiter).
--
-- KEYS[1]  the route's pause: the instant (microseconds) before which nothing is sent
-- KEYS[2]  the route's GCRA TAT
-- ARGV[1]  "now" in microseconds since 1970, or "" for the server's TIME (tests fix it)
-- ARGV[2]  the pause, microseconds
-- ARGV[3]  route pacing: interval (0 = none)
-- ARGV[4]  route pacing: burst
--
-- A pause never shortens a longer one. The route's TAT moves to pause end + (burst - 1) *
-- interval, so that when the pause ends requests resume at the steady rate instead of a burst
-- at a server that has just refused. Reply: the pause end, microseconds.

local now = tonumber(ARGV[1])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000000 + tonumber(t[2])
end
local pause_end = now + tonumber(ARGV[2])

local current = tonumber(redis.call('GET', KEYS[1]))
if current and current >= pause_end then
  pause_end = current
elseif pause_end > now then
  redis.call('SET', KEYS[1], string.format('%d', pause_end), 'PX', math.ceil((pause_end - now) / 1000))
end

local interval, burst = tonumber(ARGV[3]), tonumber(ARGV[4])
if interval > 0 then
  local target = pause_end + interval * math.max(burst - 1, 0)
  local tat = tonumber(redis.call('GET', KEYS[2])) or 0
  if tat < target and target > now then
    redis.call('SET', KEYS[2], string.format('%d', target), 'PX', math.ceil((target - now) / 1000))
  end
end
return pause_end
