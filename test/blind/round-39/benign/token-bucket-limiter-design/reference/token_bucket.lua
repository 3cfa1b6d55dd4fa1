-- Atomic token bucket for Redis.
-- KEYS[1] = bucket key (e.g. "rl:" .. hashed client id)
-- ARGV[1] = capacity, ARGV[2] = rate (tokens/sec), ARGV[3] = cost
-- Returns { allowed (0/1), remaining tokens * 1000 (integer), retry_after_seconds }
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])

local t = redis.call("TIME")
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6

local state = redis.call("HMGET", KEYS[1], "tokens", "ts")
local tokens = tonumber(state[1]) or capacity
local ts = tonumber(state[2]) or now

tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)

local allowed = 0
local retry_after = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  retry_after = math.ceil((cost - tokens) / rate)
end

redis.call("HSET", KEYS[1], "tokens", tokens, "ts", now)
redis.call("EXPIRE", KEYS[1], math.ceil(capacity / rate * 2))
return { allowed, math.floor(tokens * 1000), retry_after }
