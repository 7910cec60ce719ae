-- Compare-and-delete of one list: deletes it only if it still holds the payload that was read,
-- so a list rewritten meanwhile (by a retried partition) survives a retention run.
-- KEYS[1] generation hash; ARGV[1] subject, ARGV[2] expected payload
-- Returns 1 when deleted, 0 when the list changed or vanished meanwhile.
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('HDEL', KEYS[1], ARGV[1])
  return 1
end
return 0
