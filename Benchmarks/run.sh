#!/usr/bin/env bash
# Benchmark copilot-prep against DuckDB on generated audit exports.
#
#   Benchmarks/run.sh [size-mb]                 throughput and memory vs DuckDB (default 600 MB)
#   Benchmarks/run.sh --flatness SMALL LARGE    peak memory of copilot-prep at two sizes
#   Benchmarks/run.sh --cores [size-mb]         1 core vs 2 cores, and byte-identical outputs
#
# Data is generated once per size into Benchmarks/data/<size>/ with `copilot-prep sample
# --size-mb` (seed 1). Both tools read the same files: the current-layout UTF-8 exports.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin="$root/.build/release/copilot-prep"
venv="$root/Benchmarks/.venv"

say() { printf '%s\n' "$*" >&2; }

build_tool() {
  say "Building copilot-prep (release)..."
  swift build -c release 2>&1 | grep -E "error|warning: .*copilot" >&2 || true
}

# data SIZE -> prints the data folder, generating it if needed
data() {
  local dir="$root/Benchmarks/data/$1"
  if [ ! -f "$dir/sample-truth.json" ]; then
    say "Generating ${1} MB of audit exports into $dir ..."
    rm -rf "$dir"
    "$bin" sample --out "$dir" --size-mb "$1" --seed 1 >/dev/null
  fi
  printf '%s' "$dir"
}

# The files both tools read: the current-layout exports, UTF-8.
files() { ls "$1"/audit/audit-1-*.csv "$1"/audit/audit-2-*.csv; }

mb_of() { du -cb $(files "$1") | tail -1 | cut -f1 | awk '{printf "%.1f", $1/1e6}'; }

# timed LOG COMMAND... : runs under GNU time, prints "seconds peak_rss_mb"
timed() {
  local log=$1; shift
  /usr/bin/time -v "$@" > "$log.out" 2> "$log.err" || { say "failed: $*"; tail -5 "$log.err" >&2; return 1; }
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$log.err" | awk -F': ' '{print $2}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep 'Maximum resident' "$log.err" | awk '{printf "%.0f", $NF/1024}')
  echo "$wall $rss"
}

# build_args DATA OUT: sets BUILD to the copilot-prep build command line for DATA into OUT
build_args() {
  local dir=$1 out=$2
  BUILD=("$bin" build)
  for f in $(files "$dir"); do BUILD+=(--audit "$f"); done
  BUILD+=(--licensed "$dir/copilot-readiness-report.csv" --org "$dir/entra-users.csv" --out "$out" --force --quiet)
}

metrics_of_report() {
  python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["metrics"]; print(json.dumps({k: m[k] for k in ["records","prompts","activeUsers","sessions"]}, sort_keys=True))' "$1"
}

ensure_duckdb() {
  if [ ! -x "$venv/bin/python" ]; then
    say "Creating $venv with duckdb from PyPI..."
    python3 -m venv "$venv" && "$venv/bin/pip" install -q duckdb >&2 || { say "note: could not install duckdb; DuckDB is skipped"; return 1; }
  fi
  "$venv/bin/python" -c 'import duckdb' 2>/dev/null
}

throughput() {
  local size=$1 dir tmp mb
  build_tool
  dir=$(data "$size"); mb=$(mb_of "$dir"); tmp=$(mktemp -d)
  cat $(files "$dir") > /dev/null  # warm the page cache for every run alike
  read -r cat_s _ < <(timed "$tmp/cat" sh -c "cat $(files "$dir" | tr '\n' ' ') > /dev/null")
  build_args "$dir" "$tmp/cp-out"
  read -r cp_s cp_rss < <(timed "$tmp/cp" "${BUILD[@]}")
  local cp_metrics; cp_metrics=$(metrics_of_report "$tmp/cp-out/build-report.json")
  local dd_s="" dd_rss="" dd_metrics="skipped"
  if ensure_duckdb; then
    mkdir -p "$tmp/dd-out"
    if read -r dd_s dd_rss < <(timed "$tmp/dd" "$venv/bin/python" "$root/Benchmarks/duckdb_job.py" "$tmp/dd-out" $(files "$dir")); then
      dd_metrics=$(python3 -c 'import json,sys; print(json.dumps(json.loads(open(sys.argv[1]).read()), sort_keys=True))' "$tmp/dd.out")
    else
      dd_metrics="failed (see $tmp/dd.err)"
    fi
  fi
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $(swift --version 2>/dev/null | head -1)"
  echo "Input: $mb MB of audit exports ($(files "$dir" | wc -l) files, generated with seed 1)"
  printf '%-26s %9s %9s %12s %10s\n' tool seconds "MB/s" "peak RSS MB" "vs DuckDB"
  rate() { awk -v mb="$mb" -v s="$1" 'BEGIN { printf "%.0f", mb / s }'; }
  printf '%-26s %9.2f %9s %12s %10s\n' "cat > /dev/null" "$cat_s" "$(rate "$cat_s")" - -
  local ratio="-"
  [ -n "$dd_s" ] && ratio=$(awk -v a="$dd_s" -v b="$cp_s" 'BEGIN { printf "%.1fx", a / b }')
  printf '%-26s %9.2f %9s %12s %10s\n' "copilot-prep build" "$cp_s" "$(rate "$cp_s")" "$cp_rss" "$ratio"
  [ -n "$dd_s" ] && printf '%-26s %9.2f %9s %12s %10s\n' "DuckDB (4 GB, 2 threads)" "$dd_s" "$(rate "$dd_s")" "$dd_rss" "1.0x"
  echo "copilot-prep metrics: $cp_metrics"
  echo "DuckDB metrics:       $dd_metrics"
  if [ "$cp_metrics" = "$dd_metrics" ]; then echo "Metrics agree."; else echo "METRICS DIFFER"; fi
  rm -rf "$tmp"
}

flatness() {
  local small=$1 large=$2 tmp
  build_tool
  tmp=$(mktemp -d)
  local d1 d2; d1=$(data "$small"); d2=$(data "$large")
  build_args "$d1" "$tmp/a-out"; read -r s1 r1 < <(timed "$tmp/a" "${BUILD[@]}")
  build_args "$d2" "$tmp/b-out"; read -r s2 r2 < <(timed "$tmp/b" "${BUILD[@]}")
  echo "copilot-prep peak RSS: $(mb_of "$d1") MB input -> $r1 MB ($s1 s); $(mb_of "$d2") MB input -> $r2 MB ($s2 s)"
  awk -v a="$r1" -v b="$r2" 'BEGIN { printf "growth: %.0f%%\n", (b - a) * 100 / a }'
  rm -rf "$tmp"
}

cores() {
  local size=$1 tmp dir
  build_tool
  tmp=$(mktemp -d); dir=$(data "$size")
  # Both runs write the same folder (the report names its folder), hashed after each run.
  build_args "$dir" "$tmp/out"
  read -r s1 _ < <(timed "$tmp/one" taskset -c 0 "${BUILD[@]}")
  (cd "$tmp/out" && find . -type f ! -name build-report.json -exec sha256sum {} + | sort -k2) > "$tmp/one.sha"
  read -r s2 _ < <(timed "$tmp/two" "${BUILD[@]}")
  (cd "$tmp/out" && find . -type f ! -name build-report.json -exec sha256sum {} + | sort -k2) > "$tmp/two.sha"
  echo "1 core: ${s1} s, $(nproc) cores: ${s2} s, speed-up $(awk -v a="$s1" -v b="$s2" 'BEGIN { printf "%.2fx", a / b }')"
  if diff -q "$tmp/one.sha" "$tmp/two.sha" >/dev/null; then
    echo "Outputs byte-identical ($(wc -l < "$tmp/one.sha") files)."
  else
    echo "OUTPUTS DIFFER"; diff "$tmp/one.sha" "$tmp/two.sha" || true
  fi
  rm -rf "$tmp"
}

case "${1:-}" in
  --flatness) flatness "${2:-100}" "${3:-2000}" ;;
  --cores) cores "${2:-600}" ;;
  -h|--help) sed -n '2,10p' "$0" ;;
  *) throughput "${1:-600}" ;;
esac
