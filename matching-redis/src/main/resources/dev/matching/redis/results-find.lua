-- Reads the published generation and one list of it in one atomic step.
-- KEYS[1] published-generation key; ARGV[1] prefix of generation hash keys, ARGV[2] subject
-- Returns nil before the first publish, else {generation, payload or nil}.
local generation = redis.call('GET', KEYS[1])
if not generation then
  return false
end
return {generation, redis.call('HGET', ARGV[1] .. generation, ARGV[2])}
