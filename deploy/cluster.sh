#!/usr/bin/env bash
# A local cluster on this machine, all on 127.0.0.1:
#   deploy/cluster.sh start [N]   PostgreSQL (embedded under .mc/pg unless DATABASE_URL is set),
#                                 N service processes (default 3), each a silo with its own HTTP,
#                                 silo and gateway ports, and the load balancer in front of them on
#                                 MC_CLUSTER_URL (default http://127.0.0.1:8000).
#   deploy/cluster.sh stop        stops what start started: SIGTERM, so each process drains and
#                                 leaves the cluster itself. PostgreSQL keeps running
#                                 (deploy/stop-postgres.sh stops it).
# Logs and process ids are in .mc/cluster/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
root=$(mc_repo_root)
cd "$root"
state="$root/.mc/cluster"

cluster_start() {
  local count=${1:-3}
  [[ "$count" =~ ^[1-9][0-9]*$ ]] || mc_die "start takes a number of service processes from 1 up"
  if compgen -G "$state/*.pid" >/dev/null; then mc_die "a cluster is already running here; run: deploy/cluster.sh stop"; fi
  mc_require_dotnet
  command -v curl >/dev/null || mc_apt_install curl
  mc_service_defaults "$root"
  local front="${MC_CLUSTER_URL:-http://127.0.0.1:8000}"
  export BASE_URL="${BASE_URL:-$front}"

  mc_log "building the service and the load balancer (Release)"
  mkdir -p "$state"
  for project in api-gateway load-balancer; do
    dotnet build "$root/$project" -c Release -v q -nologo >"$state/build.log" 2>&1 || { cat "$state/build.log" >&2; mc_die "building $project failed"; }
  done

  local backends=() i url pid
  for i in $(seq 1 "$count"); do
    url="http://127.0.0.1:$(mc_free_port)"
    # From its project folder, so its appsettings.json (log levels) applies.
    (cd "$root/api-gateway" && ASPNETCORE_URLS="$url" ORLEANS_SILO_PORT="$(mc_free_port)" ORLEANS_GATEWAY_PORT="$(mc_free_port)" \
      exec dotnet bin/Release/net10.0/MissionControl.ApiGateway.dll) >"$state/silo-$i.log" 2>&1 &
    pid=$!
    echo "$pid" > "$state/silo-$i.pid"
    backends+=("$url")
    mc_log "silo $i: $url (pid $pid, log .mc/cluster/silo-$i.log)"
  done
  for i in $(seq 1 "$count"); do mc_wait_ready "${backends[$((i - 1))]}" "$(cat "$state/silo-$i.pid")" "$state/silo-$i.log"; done

  (cd "$root/load-balancer" && ASPNETCORE_URLS="$front" MC_BACKENDS="$(IFS=,; echo "${backends[*]}")" \
    exec dotnet bin/Release/net10.0/MissionControl.LoadBalancer.dll) >"$state/balancer.log" 2>&1 &
  echo "$!" > "$state/balancer.pid"
  mc_wait_ready "$front" "$(cat "$state/balancer.pid")" "$state/balancer.log"
  mc_log "cluster of $count ready behind $front (database $DATABASE_URL); stop it with: deploy/cluster.sh stop"
}

cluster_stop() {
  local file pid
  compgen -G "$state/*.pid" >/dev/null || { mc_log "no cluster is running here"; return 0; }
  # The balancer first, so no request is sent to a process on its way out.
  for file in "$state/balancer.pid" "$state"/silo-*.pid; do
    [ -f "$file" ] || continue
    pid=$(cat "$file")
    if kill -TERM "$pid" 2>/dev/null; then
      for _ in $(seq 1 90); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && { mc_log "pid $pid still running after 45 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; }
    fi
    rm -f "$file"
  done
  mc_log "cluster stopped"
}

case "${1:-}" in
  start) shift; cluster_start "$@" ;;
  stop) cluster_stop ;;
  *) echo "usage: deploy/cluster.sh start [N] | stop" >&2; exit 2 ;;
esac
