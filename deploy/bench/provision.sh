# `deploy/bench.sh provision`: agents created through the HTTP API on one real OpenClaw gateway,
# next to the floor that gateway allows (`agents.create` alone, called directly).
# `deploy/bench.sh provision-steps`: each provisioning step on its own, for the same number of
# agents on a fresh gateway, with the gateway CPU it cost. Sourced by bench.sh after its throwaway
# PostgreSQL is up (DATABASE_URL).
#
# Settings (environment): BENCH_AGENTS (100), BENCH_CONCURRENCY (8: creations in flight at once).

pv_agents=${BENCH_AGENTS:-100}
pv_concurrency=${BENCH_CONCURRENCY:-8}
pv_work=$(mktemp -d)
cleanup+=('rm -rf "$pv_work"')

# Starts a fresh real gateway; sets pv_gateway_url, pv_gateway_token and pv_gateway_pid.
pv_start_gateway() {
  local assignments
  assignments=$(env -u OPENCLAW_GATEWAY_URL -u OPENCLAW_GATEWAY_TOKEN bash "$root/deploy/openclaw-gateway.sh" start)
  pv_gateway_url=$(echo "$assignments" | sed -n 's/.*OPENCLAW_GATEWAY_URL=\([^ ]*\).*/\1/p')
  pv_gateway_token=$(echo "$assignments" | sed -n 's/.*OPENCLAW_GATEWAY_TOKEN=\([^ ]*\).*/\1/p')
  pv_gateway_pid=$(echo "$assignments" | sed -n 's/.*OPENCLAW_GATEWAY_PID=\([^ ]*\).*/\1/p')
  cleanup+=("bash '$root/deploy/openclaw-gateway.sh' stop $pv_gateway_pid >/dev/null 2>&1")
}

# Starts the service (Release build) on a free port; sets pv_url, pv_token and pv_service_pid.
pv_start_service() {
  local port; port=$(mc_free_port)
  pv_url="http://127.0.0.1:$port"
  pv_token="$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')"
  (cd "$root/api-gateway" && AUTH_MODE=local LOCAL_AUTH_TOKEN="$pv_token" \
    ASPNETCORE_URLS="$pv_url" BASE_URL="$pv_url" Logging__LogLevel__Default=Warning \
    ORLEANS_SILO_PORT="$(mc_free_port)" ORLEANS_GATEWAY_PORT="$(mc_free_port)" \
    exec dotnet bin/Release/net10.0/MissionControl.ApiGateway.dll) >"$pv_work/service.log" 2>&1 &
  pv_service_pid=$!
  cleanup+=("kill $pv_service_pid 2>/dev/null; wait $pv_service_pid 2>/dev/null || true")
  mc_wait_ready "$pv_url" "$pv_service_pid" "$pv_work/service.log"
}

pv_bench="$root/tests/MissionControl.Benchmarks/bin/Release/net10.0/MissionControl.Benchmarks.dll"

# Installs the gateway and builds (Release) the given projects.
pv_build() {
  command -v curl >/dev/null || mc_apt_install curl
  bash "$root/deploy/openclaw-gateway.sh" install
  mc_log "building $* (Release)"
  local project
  for project in "$@"; do
    dotnet build "$root/$project" -c Release -v q -nologo >"$pv_work/build.log" 2>&1 \
      || { cat "$pv_work/build.log" >&2; mc_die "building $project failed"; }
  done
}

pv_steps() {
  pv_build tests/MissionControl.Benchmarks
  pv_start_gateway
  dotnet "$pv_bench" provision-steps --agents "$pv_agents" --concurrency "$pv_concurrency" \
    --gateway-url "$pv_gateway_url" --gateway-token "$pv_gateway_token" --gateway-pid "$pv_gateway_pid" \
    --workspace-root "$pv_work/workspaces"
}

pv_main() {
  pv_build api-gateway tests/MissionControl.Benchmarks
  echo "provision: $pv_agents agents, $pv_concurrency at a time, on $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

  mc_log "floor: agents.create alone on a fresh gateway"
  pv_start_gateway
  local floor_out
  floor_out=$(dotnet "$pv_bench" provision-floor --agents "$pv_agents" --concurrency "$pv_concurrency" \
    --gateway-url "$pv_gateway_url" --gateway-token "$pv_gateway_token" --gateway-pid "$pv_gateway_pid" \
    --workspace-root "$pv_work/floor-workspaces")
  echo "$floor_out" | grep -v '^FLOOR_'
  bash "$root/deploy/openclaw-gateway.sh" stop "$pv_gateway_pid" >/dev/null 2>&1 || true

  mc_log "run: the same number through the API on another fresh gateway"
  pv_start_gateway
  pv_start_service
  local run_out
  run_out=$(dotnet "$pv_bench" provision --agents "$pv_agents" --concurrency "$pv_concurrency" \
    --service-url "$pv_url" --user-token "$pv_token" --service-pid "$pv_service_pid" \
    --gateway-url "$pv_gateway_url" --gateway-token "$pv_gateway_token" --gateway-pid "$pv_gateway_pid" \
    --workspace-root "$pv_work/workspaces")
  echo "$run_out" | grep -v '^RUN_'
  local floor ours
  floor=$(echo "$floor_out" | sed -n 's/^FLOOR_AGENTS_PER_MIN=//p')
  ours=$(echo "$run_out" | sed -n 's/^RUN_AGENTS_PER_MIN=//p')
  awk -v o="$ours" -v f="$floor" 'BEGIN {
    printf "agents/min: ours %.1f, floor %.1f, floor/ours %.2f (target: ours >= 60, or floor/ours <= 1.5: %s)\n",
      o, f, f / o, ((o >= 60 || f / o <= 1.5) ? "met" : "not met") }'
}

if [ "$scenario" = provision-steps ]; then pv_steps; else pv_main; fi
