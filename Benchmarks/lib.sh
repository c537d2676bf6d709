# Shared by run.sh and selftest.sh (sourced, not run).
# shellcheck shell=bash

# shellcheck disable=SC2034  # used by the scripts that source this file
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$bench_dir/.." && pwd)
venv="$bench_dir/.venv"
# The DuckDB release the job is written for needs at least this (lambda syntax, UTF-16 CSV).
duckdb_requirement='duckdb>=1.3'

note() { printf '%s\n' "$*" >&2; }
die() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# ensure_duckdb: makes $venv a virtualenv with duckdb from PyPI (on first use); returns 1 with a
# note, leaving no half-made virtualenv, when that cannot be done.
ensure_duckdb() {
  if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import duckdb' 2>/dev/null; then
    return 0
  fi
  local log
  log=$(mktemp "${TMPDIR:-/tmp}/copilot-prep-venv.XXXXXX")
  note "Creating $venv with $duckdb_requirement from PyPI (first use)..."
  rm -rf "$venv"
  if ! python3 -m venv "$venv" >"$log" 2>&1; then
    note "note: could not create a virtualenv with 'python3 -m venv' (on Debian: apt-get install python3-venv):"
    sed 's/^/  /' "$log" | tail -5 >&2
    rm -rf "$venv" "$log"
    return 1
  fi
  if ! "$venv/bin/pip" install --disable-pip-version-check -q "$duckdb_requirement" >"$log" 2>&1 ||
     ! "$venv/bin/python" -c 'import duckdb' >>"$log" 2>&1; then
    note "note: pip could not install $duckdb_requirement from PyPI:"
    sed 's/^/  /' "$log" | tail -5 >&2
    rm -rf "$venv" "$log"
    return 1
  fi
  rm -f "$log"
}

duckdb_version() { "$venv/bin/python" -c 'import duckdb; print(duckdb.__version__)' 2>/dev/null || echo "?"; }
