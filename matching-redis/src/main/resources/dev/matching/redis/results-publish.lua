-- Switches the published generation atomically: the new one stops expiring, the previous one
-- expires after the TTL (it stays readable for a rollback until then), and generations whose
-- hash already expired are dropped from the generations set.
-- KEYS[1] published-generation key, KEYS[2] generations sorted set
-- ARGV[1] generation, ARGV[2] TTL in ms, ARGV[3] prefix of generation hash keys
local previous = redis.call('GET', KEYS[1])
if previous and previous ~= ARGV[1] then
  redis.call('PEXPIRE', ARGV[3] .. previous, ARGV[2])
end
redis.call('PERSIST', ARGV[3] .. ARGV[1])
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[1])
for _, generation in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  if generation ~= ARGV[1] and redis.call('EXISTS', ARGV[3] .. generation) == 0 then
    redis.call('ZREM', KEYS[2], generation)
  end
end
return 1
