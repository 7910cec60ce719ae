-- Stores one partition of a generation atomically.
-- KEYS[1] generation hash, KEYS[2] generations sorted set, KEYS[3] published-generation key
-- ARGV[1] generation, ARGV[2] TTL in ms for an unpublished generation, ARGV[3..] subject, payload pairs
for i = 3, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[1])
if redis.call('GET', KEYS[3]) == ARGV[1] then
  redis.call('PERSIST', KEYS[1])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return (#ARGV - 2) / 2
