-- Stores one partition of a generation atomically (unfenced).
-- KEYS[1] generation hash, KEYS[2] generations sorted set, KEYS[3] published-generation key
-- ARGV[1] generation, ARGV[2] TTL in ms for an unpublished generation, ARGV[3..] subject, payload pairs
-- The generation's fences hash (KEYS[1] .. ':fences') and partition sets (KEYS[1] .. ':part:' ..
-- partition), written by results-write-fenced.lua, get the same expiry as its hash.
for i = 3, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[1])
local fences = KEYS[1] .. ':fences'
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
return (#ARGV - 2) / 2
