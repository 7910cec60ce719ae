-- Stores one partition of a generation atomically, fenced by the writer's lease token.
-- KEYS[1] generation hash, KEYS[2] generations sorted set, KEYS[3] published-generation key
-- ARGV[1] generation, ARGV[2] TTL in ms for an unpublished generation, ARGV[3] partition,
-- ARGV[4] token, ARGV[5..] subject, payload pairs
-- Derived keys: KEYS[1] .. ':fences' (hash partition -> highest token that wrote it) and
-- KEYS[1] .. ':part:' .. partition (set of the subjects that token stored).
-- Returns {-1, stored token} when a higher token wrote the partition (nothing is changed then),
-- else {number of lists stored}.

-- Whether decimal a < decimal b; both are positive integers without leading zeros (Java's
-- Long.toString), compared exactly, not as Lua doubles.
local function lower(a, b)
  if #a ~= #b then
    return #a < #b
  end
  return a < b
end

local fences = KEYS[1] .. ':fences'
local part = KEYS[1] .. ':part:' .. ARGV[3]
local stored = redis.call('HGET', fences, ARGV[3])
if stored and lower(ARGV[4], stored) then
  return {-1, stored}
end
if stored ~= ARGV[4] then
  -- A higher (or the first) token: the lists that lower tokens stored for this partition go.
  for _, subject in ipairs(redis.call('SMEMBERS', part)) do
    redis.call('HDEL', KEYS[1], subject)
  end
  redis.call('DEL', part)
  redis.call('HSET', fences, ARGV[3], ARGV[4])
end
for i = 5, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  redis.call('SADD', part, ARGV[i])
end
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[1])
-- The generation hash, its fences hash and all its partition sets share one expiry.
local keys = {KEYS[1], fences}
for _, partition in ipairs(redis.call('HKEYS', fences)) do
  keys[#keys + 1] = KEYS[1] .. ':part:' .. partition
end
local published = redis.call('GET', KEYS[3]) == ARGV[1]
for _, key in ipairs(keys) do
  if published then
    redis.call('PERSIST', key)
  else
    redis.call('PEXPIRE', key, ARGV[2])
  end
end
return {(#ARGV - 4) / 2}
