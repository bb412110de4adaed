#!/usr/bin/env bash
# Sets up what is missing and runs Mission Control on http://127.0.0.1:8000.
# Without DATABASE_URL it starts an embedded PostgreSQL under .mc/pg and keeps it running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
root=$(mc_repo_root)
cd "$root"
mc_require_dotnet

if [ -z "${DATABASE_URL:-}" ]; then
  mc_pg_start "$root/.mc/pg" "${MC_PG_PORT:-54329}" missioncontrol
  export DATABASE_URL="postgresql://postgres@127.0.0.1:${MC_PG_PORT}/missioncontrol"
  mc_log "embedded PostgreSQL: $DATABASE_URL (data in $MC_PG_DATA; stop it with: deploy/stop-postgres.sh)"
fi

export AUTH_MODE="${AUTH_MODE:-local}"
if [ "$AUTH_MODE" = local ] && [ -z "${LOCAL_AUTH_TOKEN:-}" ]; then
  token_file="$root/.mc/local-auth-token"
  if [ ! -s "$token_file" ]; then
    mkdir -p "$root/.mc"
    (umask 077; head -c 48 /dev/urandom | base64 | tr -d '/+=\n' > "$token_file")
  fi
  LOCAL_AUTH_TOKEN=$(cat "$token_file"); export LOCAL_AUTH_TOKEN
  mc_log "local auth token is in $token_file"
fi
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:8000}"
export BASE_URL="${BASE_URL:-${ASPNETCORE_URLS%%;*}}"

# Each process is a silo of the cluster kept in the database; a second one on this machine gets
# ports of its own unless they are given.
export ORLEANS_SILO_PORT="${ORLEANS_SILO_PORT:-$(mc_port_or_free 11111)}"
export ORLEANS_GATEWAY_PORT="${ORLEANS_GATEWAY_PORT:-$(mc_port_or_free 30000)}"

mc_log "starting Mission Control on $ASPNETCORE_URLS (silo port $ORLEANS_SILO_PORT, gateway port $ORLEANS_GATEWAY_PORT)"
exec dotnet run --project api-gateway -c Release "$@"
