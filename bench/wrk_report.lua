-- wrk script of `python -m bench`: the Accept header, and at the end one JSON line of the run's figures.
-- BENCH_DEFEAT=1 sends each request with a Host of its own (127.0.0.1:<unique digits>): Django accepts any port in
-- the Host, and the API's response cache keys on the full address, so every request is a miss that does the whole
-- work (the answer's links carry that Host, so its size is the same).
local defeat = os.getenv("BENCH_DEFEAT") == "1"
local counter = 0
local salt = tostring(os.time()) .. tostring(math.random(100000, 999999))

request = function()
  local headers = {Accept = "application/json"}
  if defeat then
    counter = counter + 1
    headers["Host"] = "127.0.0.1:" .. salt .. counter
  end
  return wrk.format("GET", nil, headers)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "errors": %d, "seconds": %.3f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f}\n',
    summary.requests, errors, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
