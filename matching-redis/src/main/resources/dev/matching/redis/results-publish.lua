-- Switches the published generation atomically: the new one stops expiring, the previous one
-- expires after the TTL (it stays readable for a rollback until then), and generations whose
-- hash and fences hash already expired are dropped from the generations set. A generation's
-- fences hash (its hash key .. ':fences') and partition sets (.. ':part:' .. partition) expire
-- or persist with its hash.
-- KEYS[1] published-generation key, KEYS[2] generations sorted set
-- ARGV[1] generation, ARGV[2] TTL in ms, ARGV[3] prefix of generation hash keys,
-- ARGV[4] '1' to publish only if nothing or an older generation is published (publishIfNewer)
-- Returns 1 when published, 0 when ARGV[4] is '1' and the same or a newer one is published.

-- Whether decimal a < decimal b; both are positive integers without leading zeros.
local function lower(a, b)
  if #a ~= #b then
    return #a < #b
  end
  return a < b
end

-- The generation hash, its fences hash and every partition set the fences hash names.
local function generationKeys(generation)
  local hash = ARGV[3] .. generation
  local keys = {hash, hash .. ':fences'}
  for _, partition in ipairs(redis.call('HKEYS', hash .. ':fences')) do
    keys[#keys + 1] = hash .. ':part:' .. partition
  end
  return keys
end

local previous = redis.call('GET', KEYS[1])
if ARGV[4] == '1' and previous and not lower(previous, ARGV[1]) then
  return 0
end
if previous and previous ~= ARGV[1] then
  for _, key in ipairs(generationKeys(previous)) do
    redis.call('PEXPIRE', key, ARGV[2])
  end
end
for _, key in ipairs(generationKeys(ARGV[1])) do
  redis.call('PERSIST', key)
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[1])
for _, generation in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local hash = ARGV[3] .. generation
  if generation ~= ARGV[1] and redis.call('EXISTS', hash, hash .. ':fences') == 0 then
    redis.call('ZREM', KEYS[2], generation)
  end
end
return 1
