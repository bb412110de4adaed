#!/usr/bin/env bash
# Runs every test. Without DATABASE_URL it starts a throwaway PostgreSQL under .mc/test-pg and
# stops it afterwards. Tests that need the real OpenClaw gateway start one themselves through
# deploy/openclaw-gateway.sh unless OPENCLAW_GATEWAY_URL and OPENCLAW_GATEWAY_TOKEN are set; this
# script starts one for the whole run.
# Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
root=$(mc_repo_root)
cd "$root"
mc_require_dotnet

cleanup=()
trap 'for step in "${cleanup[@]}"; do eval "$step" || true; done' EXIT

if [ -z "${DATABASE_URL:-}" ]; then
  mc_pg_start_throwaway test
  cleanup+=('mc_pg_stop "$MC_PG_DATA"')
fi
mc_log "tests use $DATABASE_URL"

# One real gateway serves every test assembly of the run (each would otherwise start its own).
if [ -z "${OPENCLAW_GATEWAY_URL:-}" ] || [ -z "${OPENCLAW_GATEWAY_TOKEN:-}" ]; then
  gateway_vars=$(bash "$root/deploy/openclaw-gateway.sh" start | tail -n 1)
  for assignment in $gateway_vars; do export "${assignment?}"; done
  cleanup+=('bash "$root/deploy/openclaw-gateway.sh" stop "$OPENCLAW_GATEWAY_PID" >/dev/null')
  mc_log "tests use the OpenClaw gateway at $OPENCLAW_GATEWAY_URL"
fi

log=$(mktemp)
status=0
dotnet test MissionControl.sln -c Release --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log" || status=$?

# One line in the form CI reads, summed over every test assembly.
summary=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
rm -f "$log"
echo "tests: $summary"
exit "$status"
