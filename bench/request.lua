-- wrk script for bench/bench.py: one request shape per run, described by environment variables.
--   BENCH_METHOD   GET, POST, ...
--   BENCH_PATH     path and query
--   BENCH_HEADERS  "Name: value" lines
--   BENCH_BODY     request body; every "{n}" becomes a value unique to this run
--                  (BENCH_TAG, the wrk thread and a counter), so writes that need a distinct
--                  email each time get one
-- done() prints one line "BENCH_JSON {...}" with the counts and latency percentiles (microseconds).

local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local body = os.getenv("BENCH_BODY")
local tag = os.getenv("BENCH_TAG") or "t"
if body == "" then body = nil end

wrk.method = method
wrk.path = path
wrk.body = body
for line in (os.getenv("BENCH_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^([^:]+):%s*(.-)%s*$")
  if name then wrk.headers[name] = value end
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

if body and body:find("{n}", 1, true) then
  local counter = 0
  function request()
    counter = counter + 1
    local unique = tag .. "-" .. tostring(tid) .. "-" .. tostring(counter)
    return wrk.format(nil, nil, nil, (body:gsub("{n}", unique)))
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean))
end
