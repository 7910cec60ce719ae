-- Deletes the lease only if ARGV[1] still owns it. KEYS[1] lease key.
-- Returns 1 when released, 0 when it had expired or belongs to someone else.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
