-- Takes the lease if free and hands out the next fencing token.
-- KEYS[1] lease key, KEYS[2] fencing counter; ARGV[1] owner value, ARGV[2] TTL in ms
-- Returns the token, or nil when someone else holds the lease. The token is the larger of the
-- counter plus one and the server time in microseconds, so it keeps growing even when Redis
-- lost the counter (as long as the server clock does not go back and fewer than a million
-- leases per second are taken).
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return false
end
local time = redis.call('TIME')
local floor = tonumber(time[1]) * 1000000 + tonumber(time[2])
local token = redis.call('INCR', KEYS[2])
if token < floor then
  token = floor
  redis.call('SET', KEYS[2], string.format('%d', token))
end
return token
