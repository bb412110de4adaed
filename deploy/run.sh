#!/usr/bin/env bash
# Sets up what is missing and runs Mission Control on http://127.0.0.1:8000.
# Without DATABASE_URL it starts an embedded PostgreSQL under .mc/pg and keeps it running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
root=$(mc_repo_root)
cd "$root"
mc_require_dotnet

mc_service_defaults "$root"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:8000}"
export BASE_URL="${BASE_URL:-${ASPNETCORE_URLS%%;*}}"

# Each process is a silo of the cluster kept in the database; a second one on this machine gets
# ports of its own unless they are given.
export ORLEANS_SILO_PORT="${ORLEANS_SILO_PORT:-$(mc_port_or_free 11111)}"
export ORLEANS_GATEWAY_PORT="${ORLEANS_GATEWAY_PORT:-$(mc_port_or_free 30000)}"

mc_log "starting Mission Control on $ASPNETCORE_URLS (silo port $ORLEANS_SILO_PORT, gateway port $ORLEANS_GATEWAY_PORT)"
if [ -n "${CLUSTER_DASHBOARD_TOKEN:-}" ]; then
  mc_log "cluster dashboard: ${ASPNETCORE_URLS%%;*}/cluster-dashboard/ (any user name, CLUSTER_DASHBOARD_TOKEN as password)"
fi
exec dotnet run --project api-gateway -c Release "$@"
