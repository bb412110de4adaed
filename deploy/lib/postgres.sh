# An embedded PostgreSQL kept under the repo (or a temporary folder). Sourced, not run.
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Sets MC_PG_BIN to a folder holding initdb and pg_ctl, installing PostgreSQL if none is found.
mc_pg_ensure_binaries() {
  MC_PG_BIN=""
  local candidate
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")"; do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then MC_PG_BIN="$candidate"; break; fi
  done
  if [ -z "$MC_PG_BIN" ]; then
    mc_apt_install postgresql
    MC_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V -r | head -n 1)
  fi
  command -v psql >/dev/null || mc_apt_install postgresql-client
  export MC_PG_BIN
}

# PostgreSQL refuses to run as root; as root we run it as the postgres user.
mc_pg_user() {
  if [ "$(id -u)" -ne 0 ]; then id -un; return; fi
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  echo postgres
}

mc_pg_as_user() {
  local user; user=$(mc_pg_user)
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

# Echoes a data folder the server user can own: the wanted one, or a temporary one when the
# server user cannot reach it (a checkout under /root, say).
mc_pg_data_dir() {
  local wanted=$1 user; user=$(mc_pg_user)
  mkdir -p "$wanted"
  [ "$(id -u)" -eq 0 ] && chown "$user" "$wanted"
  if mc_pg_as_user test -w "$wanted"; then echo "$wanted"; return; fi
  local fallback="${TMPDIR:-/tmp}/mission-control-pg-$(echo "$wanted" | md5sum | cut -c1-12)"
  mkdir -p "$fallback"; chown "$user" "$fallback"; chmod 700 "$fallback"
  echo "$fallback"
}

# Starts (initialising if needed) a server on 127.0.0.1:PORT with its data in DIR, and makes
# sure database DB exists. Prints nothing; leaves DATABASE_URL for the caller to build.
mc_pg_start() {
  local dir=$1 port=$2 db=$3
  mc_pg_ensure_binaries
  dir=$(mc_pg_data_dir "$dir")
  MC_PG_DATA="$dir"; export MC_PG_DATA
  if [ ! -f "$dir/PG_VERSION" ]; then
    mc_log "initialising PostgreSQL in $dir"
    mc_pg_as_user "$MC_PG_BIN/initdb" -D "$dir" -A trust -U postgres -E UTF8 >/dev/null
  fi
  if mc_pg_as_user "$MC_PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    mc_log "PostgreSQL already running in $dir"
  else
    mc_log "starting PostgreSQL on 127.0.0.1:$port"
    mc_pg_as_user "$MC_PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${MC_PG_FSYNC:-on} ${MC_PG_OPTIONS:-}" start >/dev/null \
      || { tail -n 20 "$dir/server.log" >&2; mc_die "PostgreSQL did not start"; }
  fi
  local running_port
  running_port=$(sed -n 4p "$dir/postmaster.pid")
  MC_PG_PORT="$running_port"; export MC_PG_PORT
  if ! psql -h 127.0.0.1 -p "$running_port" -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$running_port" -U postgres -d postgres -qc "create database \"$db\"" >/dev/null
  fi
}

mc_pg_stop() {
  local dir=$1
  [ -f "$dir/postmaster.pid" ] || return 0
  mc_pg_as_user "$MC_PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

# Starts a throwaway server under .mc/NAME-pg on a free port with database missioncontrol_NAME,
# and exports DATABASE_URL for it. fsync is off unless MC_PG_FSYNC says otherwise: a throwaway
# cluster needs no crash safety, and runs much faster without it. The caller stops it with: mc_pg_stop "$MC_PG_DATA"
mc_pg_start_throwaway() {
  local name=$1
  MC_PG_FSYNC="${MC_PG_FSYNC:-off}" mc_pg_start "$(mc_repo_root)/.mc/$name-pg" "$(mc_free_port)" "missioncontrol_$name"
  export DATABASE_URL="postgresql://postgres@127.0.0.1:${MC_PG_PORT}/missioncontrol_$name"
}

# What the service needs to run here when the caller gave nothing: without DATABASE_URL, the
# embedded PostgreSQL under .mc/pg (port MC_PG_PORT, default 54329) and its URL; with AUTH_MODE
# local (the default) and no LOCAL_AUTH_TOKEN, a token generated once and kept in .mc/local-auth-token.
mc_service_defaults() {
  local root=$1
  if [ -z "${DATABASE_URL:-}" ]; then
    mc_pg_start "$root/.mc/pg" "${MC_PG_PORT:-54329}" missioncontrol
    export DATABASE_URL="postgresql://postgres@127.0.0.1:${MC_PG_PORT}/missioncontrol"
    mc_log "embedded PostgreSQL: $DATABASE_URL (data in $MC_PG_DATA; stop it with: deploy/stop-postgres.sh)"
  fi
  export AUTH_MODE="${AUTH_MODE:-local}"
  if [ "$AUTH_MODE" = local ] && [ -z "${LOCAL_AUTH_TOKEN:-}" ]; then
    local token_file="$root/.mc/local-auth-token"
    if [ ! -s "$token_file" ]; then
      mkdir -p "$root/.mc"
      (umask 077; head -c 48 /dev/urandom | base64 | tr -d '/+=\n' > "$token_file")
    fi
    LOCAL_AUTH_TOKEN=$(cat "$token_file"); export LOCAL_AUTH_TOKEN
    mc_log "local auth token is in $token_file"
  fi
}
