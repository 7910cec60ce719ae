-- wrk script: GET /api/v1/workers/{random sample worker}/matches?limit=20, paced per connection.
-- Each connection waits DELAY_MS between requests, so N connections offer about
-- N * 1000 / (DELAY_MS + latency) requests per second (10 connections, 19 ms: ~500/s).
local delay_ms = tonumber(os.getenv("DELAY_MS") or "19")
local workers = tonumber(os.getenv("WORKERS") or "50000")
-- the API needs a key: the reference app's development client key unless API_KEY is set
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("API_KEY") or "dev-client-acme-key")
math.randomseed(42)

request = function()
  local id = string.format("worker-%07d", math.random(1, workers))
  return wrk.format("GET", "/api/v1/workers/" .. id .. "/matches?limit=20")
end

delay = function()
  return delay_ms
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors (connect %d, read %d, write %d, status %d, timeout %d)\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  io.write(string.format("rate %.1f req/s\n", summary.requests / (summary.duration / 1e6)))
  for _, p in pairs({50, 90, 95, 99, 99.9}) do
    io.write(string.format("p%g %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max %.2f ms\n", latency.max / 1000))
end
