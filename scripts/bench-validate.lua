-- wrk script for the web part of scripts/bench: POST /api/validate with the sample forms in
-- turn, each as its file's bytes (binary-safe: UTF-16 and Windows-874 forms included).
--
--   wrk -t2 -c32 -d5s --latency -s scripts/bench-validate.lua http://127.0.0.1:PORT -- FORM…
--
-- done() prints one line "bench-web: {json}" with the figures scripts/bench reads. (wrk runs
-- for its whole -d whatever the script does, so scripts/bench sizes each round by time.)

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local requests_ready = {}
not_ok = 0

function init(args)
  for i = 1, #args do
    local path = args[i]
    local file = assert(io.open(path, "rb"))
    local body = file:read("*a")
    file:close()
    local name = path:match("([^/]+)$")
    -- Built once here: request() only picks the next one.
    table.insert(requests_ready, wrk.format("POST", "/api/validate?name=" .. name,
      {["Content-Type"] = "application/octet-stream"}, body))
  end
  assert(#requests_ready > 0, "no forms given after --")
end

local next_form = 0

function request()
  next_form = next_form % #requests_ready + 1
  return requests_ready[next_form]
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local not_ok_total = 0
  for _, thread in ipairs(threads) do
    not_ok_total = not_ok_total + thread:get("not_ok")
  end
  local errors = summary.errors
  io.write(string.format(
    'bench-web: {"requests": %d, "duration_us": %d, "not_200": %d, ' ..
    '"socket_errors": %d, "timeouts": %d, ' ..
    '"latency_us": {"p50": %d, "p90": %d, "p99": %d, "max": %d, "mean": %.1f}}\n',
    summary.requests, summary.duration, not_ok_total,
    errors.connect + errors.read + errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
