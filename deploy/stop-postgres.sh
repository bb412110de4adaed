#!/usr/bin/env bash
# Stops the embedded PostgreSQL that deploy/run.sh started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
root=$(mc_repo_root)
mc_pg_ensure_binaries
mc_pg_stop "$(mc_pg_data_dir "$root/.mc/pg")"
