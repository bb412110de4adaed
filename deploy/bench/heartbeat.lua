-- wrk script for `deploy/bench.sh heartbeats`: every request is an agent's heartbeat,
-- POST /api/v1/agent/heartbeat with X-Agent-Token, rotating over the tokens in $TOKENS_FILE
-- (one per line). Each wrk thread starts at its own offset so threads do not move in step.
local tokens = {}
local next_index = 0
local threads = 0

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  next_index = (thread_number * 7919) % #tokens
end

function request()
  next_index = next_index % #tokens + 1
  return wrk.format("POST", "/api/v1/agent/heartbeat", { ["X-Agent-Token"] = tokens[next_index] }, "")
end

-- One machine-readable line; latencies in microseconds.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end
