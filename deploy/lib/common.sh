# Shared helpers for the deploy scripts. Sourced, not run.

mc_repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd; }

mc_log() { printf '[mission-control] %s\n' "$*" >&2; }

mc_die() { mc_log "error: $*"; exit 1; }

# Runs apt-get as root, or through sudo when there is one.
mc_apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || mc_die "installing $* needs root (or sudo)"
    sudo="sudo"
  fi
  mc_log "installing $* with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

mc_require_dotnet() {
  command -v dotnet >/dev/null || mc_die "the .NET SDK (dotnet) is not on PATH; install .NET 10 first"
}

# Waits until URL answers /readyz with 200; dies with the end of LOG when process PID exits first,
# or after 90 s.
mc_wait_ready() {
  local url=$1 pid=$2 log=$3
  for _ in $(seq 1 180); do
    if curl -fsS "$url/readyz" >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$log" >&2; mc_die "the process behind $url exited (log: $log)"; }
    sleep 0.5
  done
  mc_die "$url did not become ready (log: $log)"
}

# A TCP port nobody listens on right now.
mc_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  mc_die "found no free TCP port"
}

# The wanted port when nobody listens on it, else a free one (so several silos share a machine).
mc_port_or_free() {
  local wanted=$1
  if (exec 3<>"/dev/tcp/127.0.0.1/$wanted") 2>/dev/null; then mc_free_port; else echo "$wanted"; fi
}
