-- Deletes every generation below ARGV[1] except the published one, with its fences hash and
-- partition sets; returns the lists deleted.
-- KEYS[1] published-generation key, KEYS[2] generations sorted set
-- ARGV[1] generation (exclusive bound), ARGV[2] prefix of generation hash keys
local published = redis.call('GET', KEYS[1])
local deleted = 0
for _, generation in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1])) do
  if generation ~= published then
    local key = ARGV[2] .. generation
    local fences = key .. ':fences'
    deleted = deleted + redis.call('HLEN', key)
    for _, partition in ipairs(redis.call('HKEYS', fences)) do
      redis.call('UNLINK', key .. ':part:' .. partition)
    end
    redis.call('UNLINK', key, fences)
    redis.call('ZREM', KEYS[2], generation)
  end
end
return deleted
