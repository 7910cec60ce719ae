-- Extends the lease only if ARGV[1] still owns it. KEYS[1] lease key; ARGV[2] TTL in ms.
-- Returns 1 when extended, 0 when the lease expired or belongs to someone else.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
