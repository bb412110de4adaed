# `deploy/bench.sh heartbeats`: authenticated agent heartbeats over HTTP against the real service,
# next to pgbench running the seeds' per-heartbeat SQL on the same PostgreSQL. Sourced by bench.sh
# (after its throwaway PostgreSQL is up: MC_PG_PORT).
#
# Settings (environment): BENCH_AGENTS (10000), BENCH_TOKEN_ITERATIONS (1000), BENCH_RUNS (3),
# BENCH_SECONDS (15), BENCH_CONNECTIONS (64, wrk), BENCH_PGBENCH_CLIENTS (16), BENCH_SILOS (1:
# wrk talks to the one service process; more: that many processes form one cluster and wrk talks
# to the load balancer in front of them, as `deploy/cluster.sh` runs them).

bench_agents=${BENCH_AGENTS:-10000}
bench_iterations=${BENCH_TOKEN_ITERATIONS:-1000}
bench_runs=${BENCH_RUNS:-3}
bench_seconds=${BENCH_SECONDS:-15}
bench_connections=${BENCH_CONNECTIONS:-64}
bench_silos=${BENCH_SILOS:-1}
bench_pg_clients=${BENCH_PGBENCH_CLIENTS:-16}
bench_dir="$root/deploy/bench"
work=$(mktemp -d)
cleanup+=('rm -rf "$work"')

hb_pgbench_bin() {
  local candidate
  for candidate in "$MC_PG_BIN/pgbench" $(ls -d /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V -r) "$(command -v pgbench || true)"; do
    if [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
  mc_apt_install postgresql-contrib
  ls -d /usr/lib/postgresql/*/bin/pgbench | sort -V -r | head -n 1
}

hb_median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

hb_field() { sed -n "s/.*[ ]$1=\([0-9.]*\).*/\1/p"; }

# Starts BENCH_SILOS service processes (Release build, Kestrel, AUTH_MODE=local), each on free
# HTTP, silo and gateway ports, and with more than one the load balancer in front of them; sets
# hb_url to what wrk talks to and hb_service_pids to every process whose CPU counts as the service's.
hb_start_service() {
  local token i port backends=()
  token="$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')"
  hb_service_pids=()
  for i in $(seq 1 "$bench_silos"); do
    port=$(mc_free_port)
    backends+=("http://127.0.0.1:$port")
    (cd "$root/api-gateway" && DATABASE_URL="$service_db_url" AUTH_MODE=local LOCAL_AUTH_TOKEN="$token" \
      ASPNETCORE_URLS="http://127.0.0.1:$port" BASE_URL="http://127.0.0.1:$port" \
      ORLEANS_SILO_PORT="$(mc_free_port)" ORLEANS_GATEWAY_PORT="$(mc_free_port)" \
      exec dotnet bin/Release/net10.0/MissionControl.ApiGateway.dll) >"$work/service-$i.log" 2>&1 &
    hb_service_pids+=($!)
    cleanup+=("kill $! 2>/dev/null; wait $! 2>/dev/null || true")
    mc_wait_ready "http://127.0.0.1:$port" "$!" "$work/service-$i.log"
  done
  hb_url="${backends[0]}"
  [ "$bench_silos" -gt 1 ] || return 0
  port=$(mc_free_port)
  hb_url="http://127.0.0.1:$port"
  (cd "$root/load-balancer" && ASPNETCORE_URLS="$hb_url" MC_BACKENDS="$(IFS=,; echo "${backends[*]}")" \
    exec dotnet bin/Release/net10.0/MissionControl.LoadBalancer.dll) >"$work/balancer.log" 2>&1 &
  hb_service_pids+=($!)
  cleanup+=("kill $! 2>/dev/null; wait $! 2>/dev/null || true")
  mc_wait_ready "$hb_url" "$!" "$work/balancer.log"
}

hb_service_ticks() {
  local pid total=0
  for pid in "${hb_service_pids[@]}"; do total=$(( total + $(hb_ticks "$pid") )); done
  echo "$total"
}

# A fresh, empty database in the throwaway server.
hb_fresh_database() {
  export PGOPTIONS="-c client_min_messages=warning"
  psql -h 127.0.0.1 -p "$MC_PG_PORT" -U postgres -d postgres -qc "drop database if exists $1" >/dev/null
  psql -h 127.0.0.1 -p "$MC_PG_PORT" -U postgres -d postgres -qc "create database $1" >/dev/null
}

hb_setup_pgbench() {
  pgbench_db=heartbeat_pgbench
  hb_fresh_database "$pgbench_db"
  psql -h 127.0.0.1 -p "$MC_PG_PORT" -U postgres -d "$pgbench_db" -q -v ON_ERROR_STOP=1 -v agents="$bench_agents" \
    -f "$bench_dir/pgbench-schema.sql" >/dev/null
}

# CPU ticks (user + system) used so far by a process, or by all processes of a server whose
# postmaster pid is given with "tree": its live children, plus what exited children (pgbench's
# connections, say) left in the postmaster's own account.
hb_ticks() {
  if [ "$1" = tree ]; then
    { awk '{print $14 + $15 + $16 + $17}' "/proc/$2/stat"
      for p in $(pgrep -P "$2"); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done
    } | awk '{s += $1} END {print s + 0}'
  else
    awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
  fi
}

# Rows the service's database has inserted, updated or deleted in the cluster's reminder table so
# far. The server publishes these counters a moment after each commit, hence the pause.
hb_reminder_writes() {
  sleep 1.5
  psql -h 127.0.0.1 -p "$MC_PG_PORT" -U postgres -d heartbeat_service -tAc \
    "select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables where relname = 'orleans_reminders'"
}

# One wrk run; prints "rps p50_ms p99_ms non2xx socket_errors service_cpu_s postgres_cpu_s reminder_writes requests".
hb_run_wrk() {
  local out postmaster service_before pg_before hz reminders_before
  reminders_before=$(hb_reminder_writes)
  postmaster=$(head -n 1 "$MC_PG_DATA/postmaster.pid"); hz=$(getconf CLK_TCK)
  service_before=$(hb_service_ticks); pg_before=$(hb_ticks tree "$postmaster")
  out=$(TOKENS_FILE="$work/tokens.txt" wrk -t2 -c"$bench_connections" -d"${bench_seconds}s" --timeout 10s \
    -s "$bench_dir/heartbeat.lua" "$hb_url" | grep WRK_RESULT)
  local requests duration p50 p99 non2xx errors
  requests=$(echo "$out" | hb_field requests); duration=$(echo "$out" | hb_field duration_us)
  p50=$(echo "$out" | hb_field p50_us); p99=$(echo "$out" | hb_field p99_us)
  non2xx=$(echo "$out" | hb_field non2xx); errors=$(echo "$out" | hb_field socket_errors)
  local service_cpu pg_cpu
  service_cpu=$(( $(hb_service_ticks) - service_before )); pg_cpu=$(( $(hb_ticks tree "$postmaster") - pg_before ))
  local reminders=$(( $(hb_reminder_writes) - reminders_before ))
  awk -v r="$requests" -v d="$duration" -v a="$p50" -v b="$p99" -v n="$non2xx" -v e="$errors" \
    -v sc="$service_cpu" -v pc="$pg_cpu" -v hz="$hz" -v rw="$reminders" \
    'BEGIN {printf "%.0f %.2f %.2f %d %d %.1f %.1f %d %d\n", r / (d / 1e6), a / 1000, b / 1000, n, e, sc / hz, pc / hz, rw, r}'
}

# One pgbench run; prints "tps avg_ms p99_ms postgres_cpu_s".
hb_run_pgbench() {
  local logdir="$work/pglog"; rm -rf "$logdir"; mkdir -p "$logdir"
  local out postmaster pg_before
  postmaster=$(head -n 1 "$MC_PG_DATA/postmaster.pid"); pg_before=$(hb_ticks tree "$postmaster")
  out=$(cd "$logdir" && "$pgbench" -h 127.0.0.1 -p "$MC_PG_PORT" -U postgres -n -M prepared \
    -c "$bench_pg_clients" -j 2 -T "$bench_seconds" -D agents="$bench_agents" -l \
    -f "$bench_dir/pgbench-heartbeat.sql" "$pgbench_db" 2>&1) || { echo "$out" >&2; mc_die "pgbench failed"; }
  local tps avg p99
  tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1)
  avg=$(echo "$out" | sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p')
  # Per-transaction log: the third field is the transaction's latency in microseconds.
  p99=$(cat "$logdir"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END {printf "%.2f", v[int(NR*0.99)] / 1000}')
  local pg_cpu; pg_cpu=$(( $(hb_ticks tree "$postmaster") - pg_before ))
  printf '%.0f %s %s %s\n' "$tps" "$avg" "$p99" "$(awk -v t="$pg_cpu" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}')"
}

hb_main() {
  command -v wrk >/dev/null || mc_apt_install wrk
  command -v curl >/dev/null || mc_apt_install curl
  pgbench=$(hb_pgbench_bin)

  mc_log "building the service and the benchmark helpers (Release)"
  local project
  for project in api-gateway load-balancer tests/MissionControl.Benchmarks; do
    dotnet build "$root/$project" -c Release -v q -nologo >"$work/build.log" 2>&1 \
      || { cat "$work/build.log" >&2; mc_die "building $project failed"; }
  done
  local helpers="$root/tests/MissionControl.Benchmarks/bin/Release/net10.0/MissionControl.Benchmarks.dll"

  hb_fresh_database heartbeat_service
  service_db_url="postgresql://postgres@127.0.0.1:$MC_PG_PORT/heartbeat_service"
  mc_log "seeding $bench_agents agents into $service_db_url"
  DATABASE_URL="$service_db_url" dotnet "$helpers" heartbeat-seed \
    --agents "$bench_agents" --iterations "$bench_iterations" --tokens "$work/tokens.txt"
  hb_setup_pgbench
  hb_start_service
  dotnet "$helpers" heartbeat-warmup --url "$hb_url" --tokens "$work/tokens.txt"

  echo "heartbeats: $bench_agents agents, $bench_runs runs of ${bench_seconds}s each side, on $(nproc) cores, PostgreSQL fsync=${MC_PG_FSYNC:-off}"
  echo "  load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews both sides)"
  echo "  ours:    wrk -t2 -c$bench_connections, POST /api/v1/agent/heartbeat with a rotating X-Agent-Token, $bench_silos service process(es)$([ "$bench_silos" -gt 1 ] && echo " behind the load balancer (its CPU counts as the service's)")"
  echo "  pgbench: -M prepared -c$bench_pg_clients -j2, select agent + update status/last_seen_at + insert activity + commit"
  local ours=() theirs=() run
  for run in $(seq 1 "$bench_runs"); do
    ours+=("$(hb_run_wrk)")
    theirs+=("$(hb_run_pgbench)")
    printf '  run %d: ours %s req/s (p50 %s ms, p99 %s ms, non-2xx %s, socket errors %s; CPU s: service %s, postgres %s; reminder-table writes %s for %s heartbeats) | pgbench %s tps (avg %s ms, p99 %s ms; CPU s: postgres %s)\n' \
      "$run" ${ours[-1]} ${theirs[-1]}
  done
  local rps p50 p99 tps pavg pp99
  rps=$(printf '%s\n' "${ours[@]}" | awk '{print $1}' | hb_median)
  p50=$(printf '%s\n' "${ours[@]}" | awk '{print $2}' | hb_median)
  p99=$(printf '%s\n' "${ours[@]}" | awk '{print $3}' | hb_median)
  tps=$(printf '%s\n' "${theirs[@]}" | awk '{print $1}' | hb_median)
  pavg=$(printf '%s\n' "${theirs[@]}" | awk '{print $2}' | hb_median)
  pp99=$(printf '%s\n' "${theirs[@]}" | awk '{print $3}' | hb_median)
  local cpu_service cpu_pg_ours cpu_pg_theirs
  cpu_service=$(printf '%s\n' "${ours[@]}" | awk '{print $6 / ($1 * s) * 1e6}' s="$bench_seconds" | hb_median)
  cpu_pg_ours=$(printf '%s\n' "${ours[@]}" | awk '{print $7 / ($1 * s) * 1e6}' s="$bench_seconds" | hb_median)
  cpu_pg_theirs=$(printf '%s\n' "${theirs[@]}" | awk '{print $4 / ($1 * s) * 1e6}' s="$bench_seconds" | hb_median)
  echo "median ours:    $rps heartbeats/s, p50 $p50 ms, p99 $p99 ms"
  printf '%s\n' "${ours[@]}" | awk '{w += $8; n += $9} END {printf "reminder-table writes per heartbeat: %.6f (%d writes for %d heartbeats over all runs)\n", (n ? w / n : 0), w, n}'
  echo "median pgbench: $tps tps, latency avg $pavg ms, p99 $pp99 ms"
  printf 'CPU per heartbeat (median, microseconds): service %.0f, postgres %.0f; postgres per pgbench transaction %.0f\n' \
    "$cpu_service" "$cpu_pg_ours" "$cpu_pg_theirs"
  awk -v a="$rps" -v b="$tps" -v p="$p99" 'BEGIN {
    printf "ratio ours/pgbench: %.2f (target >= 1.00: %s); p99 %s ms (target < 50: %s)\n",
      a / b, (a >= b ? "met" : "not met"), p, (p < 50 ? "met" : "not met") }'
  echo "note: seeded token hashes use pbkdf2_sha256 with $bench_iterations iterations (minted tokens use 200000); the warm-up proved every token once, so measured requests spend no PBKDF2"
}

hb_main
