-- Compare-and-set of one list: replaces it only if it still holds the payload that was read.
-- KEYS[1] generation hash; ARGV[1] subject, ARGV[2] expected payload, ARGV[3] new payload
-- Returns 1 when replaced, 0 when the list changed or vanished meanwhile. The key keeps its TTL.
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  return 1
end
return 0
