-- One HSCAN step of a generation hash, returning only the lists whose payload contains ARGV[3]
-- (a JSON-quoted id), so erasure does not move every list over the network.
-- KEYS[1] generation hash; ARGV[1] cursor, ARGV[2] COUNT hint, ARGV[3] needle
-- Returns {next cursor, subject, payload, subject, payload, ...}.
local reply = redis.call('HSCAN', KEYS[1], ARGV[1], 'COUNT', ARGV[2])
local found = {reply[1]}
local entries = reply[2]
for i = 1, #entries, 2 do
  if string.find(entries[i + 1], ARGV[3], 1, true) then
    found[#found + 1] = entries[i]
    found[#found + 1] = entries[i + 1]
  end
end
return found
