-- Daily-quota functions of chatdesk's RedisRateLimiter, put in front of acquire.lua and
-- budget.lua. The same arithmetic as the in-process counter (ratelimit/daily.rs), in Unix
-- milliseconds: requests are counted in buckets of `len` ms (an hour for a rolling 24 h, a day
-- for a fixed reset) starting at `offset`; the window sums the last `kept` buckets (25 or 1).
-- One hash per vendor and token: a field per bucket number, and `spent` (the instant until
-- which the vendor said the quota is spent).

local DAY_MS = 86400000

-- The quota in ARGV[i .. i+4] (len_ms, kept, offset_ms, usable, rolling 1|0), or nil (len 0).
local function day_quota(i)
  local len = tonumber(ARGV[i])
  if not len or len <= 0 then
    return nil
  end
  return {
    len = len,
    kept = tonumber(ARGV[i + 1]),
    offset = tonumber(ARGV[i + 2]),
    usable = tonumber(ARGV[i + 3]),
    rolling = ARGV[i + 4] == '1',
  }
end

local function day_bucket(q, now_ms)
  return math.floor(math.max(now_ms - q.offset, 0) / q.len)
end

-- When a request counted in bucket b stops counting.
local function day_drops_at(q, b)
  return (b + q.kept) * q.len + q.offset
end

-- The requests counted in the window that ends with bucket b, and the counts oldest first.
local function day_used(key, q, b)
  local used, counts = 0, {}
  for k = b - q.kept + 1, b do
    local c = tonumber(redis.call('HGET', key, string.format('%d', k))) or 0
    counts[#counts + 1] = {k, c}
    used = used + c
  end
  return used, counts
end

-- When at least `need` counted requests will have left the window.
local function day_frees_at(q, counts, b, need)
  if need < 1 then
    need = 1
  end
  local freed = 0
  for _, kc in ipairs(counts) do
    freed = freed + kc[2]
    if freed >= need then
      return day_drops_at(q, kc[1])
    end
  end
  return day_drops_at(q, b)
end

-- The vendor's "spent" mark, when it still holds at now_ms.
local function day_spent_until(key, now_ms)
  local s = tonumber(redis.call('HGET', key, 'spent'))
  if s and s > now_ms then
    return s
  end
  return nil
end

-- The hash lives until its newest bucket and its mark have both run out.
local function day_expire(key, q, b, now_ms)
  local spent = tonumber(redis.call('HGET', key, 'spent')) or 0
  redis.call('PEXPIRE', key, math.max(day_drops_at(q, b), spent) - now_ms)
end

-- Counts one request in bucket b and forgets the buckets that left the window.
local function day_count(key, q, b, now_ms)
  redis.call('HINCRBY', key, string.format('%d', b), 1)
  for _, field in ipairs(redis.call('HKEYS', key)) do
    local n = tonumber(field)
    if n and n <= b - q.kept then
      redis.call('HDEL', key, field)
    end
  end
  day_expire(key, q, b, now_ms)
end
