#!/usr/bin/env bash
# Runs a benchmark and prints its figures (benchmarks never pass or fail on timings).
#   deploy/bench.sh gateway-patch   coalesced heartbeat-config writes, fake and real gateway
#   deploy/bench.sh inbox-poll      agent inbox polls over HTTP: 10,000 agents, 3 pending messages each
#   deploy/bench.sh heartbeats      authenticated agent heartbeats over HTTP (wrk) against pgbench
#   deploy/bench.sh provision       100 agents created through the API on one real gateway, against
#                                   that gateway's own agents.create alone
#   deploy/bench.sh provision-steps the gateway CPU each provisioning step costs, step by step
# Like deploy/test.sh it starts a throwaway PostgreSQL unless DATABASE_URL is set, and a real
# OpenClaw gateway (gateway-patch only) unless OPENCLAW_GATEWAY_URL and OPENCLAW_GATEWAY_TOKEN are set.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
root=$(mc_repo_root)
cd "$root"
mc_require_dotnet
scenario="${1:-gateway-patch}"

cleanup=()
# Undone in reverse: the service stops before its database does.
trap 'for ((i = ${#cleanup[@]} - 1; i >= 0; i--)); do eval "${cleanup[i]}" || true; done' EXIT
if [ "$scenario" = heartbeats ]; then
  # Always a throwaway server of its own: the run creates and drops databases in it. It compares
  # durable commits, so it syncs them to disk unless MC_PG_FSYNC=off.
  export MC_PG_FSYNC="${MC_PG_FSYNC:-on}"
  mc_pg_start_throwaway bench-heartbeats
  cleanup+=('mc_pg_stop "$MC_PG_DATA"')
elif [ -z "${DATABASE_URL:-}" ]; then
  mc_pg_start_throwaway bench
  cleanup+=('mc_pg_stop "$MC_PG_DATA"')
fi
if [ "$scenario" = gateway-patch ] && [ -z "${OPENCLAW_GATEWAY_URL:-}" ]; then
  eval "$(bash deploy/openclaw-gateway.sh start)"
  export OPENCLAW_GATEWAY_URL OPENCLAW_GATEWAY_TOKEN
  cleanup+=("bash deploy/openclaw-gateway.sh stop $OPENCLAW_GATEWAY_PID")
fi
if [ "$scenario" = heartbeats ]; then
  source "$root/deploy/bench/heartbeats.sh"
elif [ "$scenario" = provision ] || [ "$scenario" = provision-steps ]; then
  source "$root/deploy/bench/provision.sh"
else
  dotnet run --project tests/MissionControl.Benchmarks -c Release -- "$@"
fi
