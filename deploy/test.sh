#!/usr/bin/env bash
# Runs every test. Without DATABASE_URL it starts a throwaway PostgreSQL under .mc/test-pg and
# stops it afterwards. Tests that need the real OpenClaw gateway start one themselves through
# deploy/openclaw-gateway.sh unless OPENCLAW_GATEWAY_URL and OPENCLAW_GATEWAY_TOKEN are set; this
# script starts one for the whole run. It installs Chromium for the dashboard's browser tests when
# it is missing, as it installs PostgreSQL.
# Extra arguments go to `dotnet test` (e.g. --filter). `--repeat N` (first) runs the suite N times
# on one build and prints each run's summary, then the sum: for whoever touches timing-sensitive code.
set -euo pipefail
repeat=1
if [ "${1:-}" = "--repeat" ]; then
  repeat=${2:?--repeat takes a count}
  [[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "--repeat takes a whole number from 1 up" >&2; exit 2; }
  shift 2
fi
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
root=$(mc_repo_root)
cd "$root"
mc_require_dotnet

# The dashboard's browser tests drive Debian's Chromium (Playwright cannot download its own here).
[ -x /usr/bin/chromium ] || mc_apt_install chromium

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

# One line in the form CI reads, summed over every test assembly of a log: "P F S".
counts_of() {
  grep -E '^(Passed|Failed)!' "$1" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
    | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d %d %d", p, f, s}'
}

log=$(mktemp)
cleanup+=('rm -f "$log"')
# Fault tests append what they counted here; printed after the summary of each run.
MC_FAULT_REPORT=$(mktemp)
export MC_FAULT_REPORT
cleanup+=('rm -f "$MC_FAULT_REPORT"')
status=0
total_passed=0 total_failed=0 total_skipped=0
build_flag=()
for run in $(seq 1 "$repeat"); do
  started=$(date +%s)
  run_status=0
  dotnet test MissionControl.sln -c Release "${build_flag[@]}" --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log" || run_status=$?
  read -r passed failed skipped <<<"$(counts_of "$log")"
  if [ -s "$MC_FAULT_REPORT" ]; then echo "fault tests counted:"; sed 's/^/  /' "$MC_FAULT_REPORT"; : >"$MC_FAULT_REPORT"; fi
  total_passed=$((total_passed + passed)) total_failed=$((total_failed + failed)) total_skipped=$((total_skipped + skipped))
  [ "$run_status" -eq 0 ] || status=$run_status
  if [ "$repeat" -gt 1 ]; then
    echo "run $run of $repeat: $passed passed, $failed failed, $skipped skipped in $(( $(date +%s) - started )) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
  fi
  build_flag=(--no-build)
done
echo "tests: $total_passed passed, $total_failed failed, $total_skipped skipped"
exit "$status"
