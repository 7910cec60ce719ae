-- Numbers one change event, appends it to the capped stream and publishes it, atomically, so the
-- Pub/Sub order is the sequence order and every published sequence is in the stream until trimmed.
-- KEYS[1] epoch key, KEYS[2] sequence key, KEYS[3] stream
-- ARGV[1] epoch to start when there is none, ARGV[2] stream max length (approximate),
-- ARGV[3] channel, ARGV[4] event body (JSON)
-- Returns the event's sequence. A missing epoch means the log is new or was lost with Redis's
-- data: a new epoch starts at sequence 1, which subscribers of the old epoch treat as a reset.
local epoch = redis.call('GET', KEYS[1])
if not epoch then
  epoch = ARGV[1]
  redis.call('SET', KEYS[1], epoch)
  redis.call('DEL', KEYS[2], KEYS[3])
end
local sequence = redis.call('INCR', KEYS[2])
local text = string.format('%d', sequence)
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[2], text .. '-0', 'epoch', epoch, 'body', ARGV[4])
redis.call('PUBLISH', ARGV[3], epoch .. ' ' .. text .. ' ' .. ARGV[4])
return sequence
