#!/usr/bin/env bash
# Benchmarks copilot-prep build (release) against the same job in DuckDB on generated exports.
#
#   Benchmarks/run.sh [SIZE_MB]                    throughput and peak memory vs DuckDB (default 600)
#   Benchmarks/run.sh --flatness [SMALL] [LARGE]   copilot-prep's peak memory at two sizes (100, 2000)
#   Benchmarks/run.sh --cores [SIZE_MB]            1 core vs all cores: speed-up, byte-identical outputs
#
# Environment (all optional):
#   BENCH_FILES=all|current   audit files both tools read: all of the sample's exports (default), or
#                             only the current-layout UTF-8 ones (no classic, no Excel re-saves)
#   BENCH_SEED=1              the sample's seed
#   BENCH_USERS=N             the sample's number of users (default: the generator's, which grows
#                             with the size, a user per 150 kB); a fixed N keeps the tenant the
#                             same across sizes, e.g. for --flatness
#   BENCH_RUNS=3              rounds of runs (each figure is the best round; flatness: default 1)
#   BENCH_DUCKDB=0            leave DuckDB out
#   BENCH_SKIP_BUILD=1        use the existing .build/release/copilot-prep as it is
#   BENCH_KEEP=1              keep the outputs and logs of the runs (their folder is printed)
#   DUCKDB_MEMORY_LIMIT=4GB   DUCKDB_THREADS=2
#
# Data is generated once per size and seed into Benchmarks/data/<size>/ (git-ignored); each
# report is also saved in Benchmarks/data/results/. Exit status: 0 when every check passed, 1
# when a step failed, the tools' metrics differ, or outputs differ between core counts.
set -euo pipefail
export LC_ALL=C  # decimal points in $EPOCHREALTIME and awk

# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bin="$repo_root/.build/release/copilot-prep"
bench="python3 $bench_dir/bench.py"
files_mode=${BENCH_FILES:-all}
seed=${BENCH_SEED:-1}
users=${BENCH_USERS:-}
duckdb_memory=${DUCKDB_MEMORY_LIMIT:-4GB}
duckdb_threads=${DUCKDB_THREADS:-2}
cores=$(nproc)
keep=${BENCH_KEEP:-0}
start_load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)  # before our own build and data

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }

work=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  if [ -n "$work" ] && [ -d "$work" ]; then
    if [ "$keep" = 1 ]; then note "Outputs and logs kept in $work"; else rm -rf "$work"; fi
  fi
}
trap cleanup EXIT

# --- Steps -----------------------------------------------------------------------------------

build_tool() {
  if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
    [ -x "$bin" ] || die "BENCH_SKIP_BUILD=1 but there is no $bin"
    return
  fi
  command -v swift >/dev/null || die "swift is not on PATH: it is needed to build copilot-prep"
  note "Building copilot-prep (swift build -c release)..."
  if ! (cd "$repo_root" && swift build -c release) >"$work/swift-build.log" 2>&1; then
    tail -20 "$work/swift-build.log" >&2
    die "the release build failed (full log above, last 20 lines)"
  fi
  [ -x "$bin" ] || die "the release build did not produce $bin"
}

# data_dir SIZE: prints the sample folder of SIZE MB, generating it on first use.
data_dir() {
  local size=$1 dir
  if ! [[ $size =~ ^[1-9][0-9]*$ ]]; then die "a size is a whole number of MB, not '$size'"; fi
  dir="$bench_dir/data/$size"
  [ "$seed" = 1 ] || dir="$dir-seed$seed"
  [ -z "$users" ] || dir="$dir-users$users"
  if [ ! -f "$dir/sample-truth.json" ]; then  # written last: its absence means not (fully) there
    note "Generating $size MB of audit exports into $dir (seed $seed)..."
    rm -rf "$dir"
    if ! "$bin" sample --out "$dir" --size-mb "$size" --seed "$seed" ${users:+--users "$users"} >"$work/sample-$size.log" 2>&1; then
      cat "$work/sample-$size.log" >&2
      rm -rf "$dir"
      die "'copilot-prep sample --size-mb $size' failed (output above)"
    fi
  fi
  printf '%s\n' "$dir"
}

# load_inputs DIR: sets AUDIT (array), LICENSED and ORG for a sample folder (bench.py inputs says
# which files; adjust the names there).
load_inputs() {
  local kind path listing
  listing=$($bench inputs "$1" --files "$files_mode") || die "cannot find the input files in $1"
  AUDIT=(); LICENSED=""; ORG=""
  while IFS=$'\t' read -r kind path; do
    case $kind in
      audit) AUDIT+=("$path") ;;
      licensed) LICENSED=$path ;;
      org) ORG=$path ;;
    esac
  done <<<"$listing"
}

# settle: before each measured run, writes back what earlier steps wrote (so that no run pays
# for another's output) and reads every input file (so that every run sees a warm page cache).
settle() { sync; cat "${AUDIT[@]}" >/dev/null; }

runs_note() {
  printf 'Each figure is the best (fastest) of %s run(s), peak RSS the highest, page cache warm; ' "$runs"
  if [ -x /usr/bin/time ]; then printf 'peak RSS from GNU time -v.'; else printf "peak RSS from the kernel's rusage (wait4)."; fi
}

# timed NAME STDOUT COMMAND...: runs COMMAND under GNU time -v (or bench.py measure when
# /usr/bin/time is missing), stdout to STDOUT, stderr to $work/NAME.err, time's report to
# $work/NAME.time; sets ELAPSED (wall seconds, microsecond resolution). Never fails: the exit
# status is in the time file.
timed() {
  local name=$1 stdout=$2 start end
  shift 2
  start=$EPOCHREALTIME
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$work/$name.time" "$@" >"$stdout" 2>"$work/$name.err" || true
  else
    $bench measure "$work/$name.time" -- "$@" >"$stdout" 2>"$work/$name.err" || true
  fi
  end=$EPOCHREALTIME
  ELAPSED=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }')
}

# build_command OUT: sets BUILD to the copilot-prep build of the loaded inputs into OUT.
build_command() {
  BUILD=("$bin" build)
  local file
  for file in "${AUDIT[@]}"; do BUILD+=(--audit "$file"); done
  BUILD+=(--licensed "$LICENSED" --org "$ORG" --out "$1" --force --quiet)
}

# record TOOL LABEL NAME [METRICS_FILE]: adds run NAME's figures to the results.
record() {
  local args=(--tool "$1" --label "$2" --seconds "$ELAPSED" --time-file "$work/$3.time" --input-mb "$(input_mb)")
  [ -n "${4:-}" ] && args+=(--metrics-file "$4")
  $bench record "$results" "${args[@]}"
}

input_mb() { du -cb "${AUDIT[@]}" | tail -1 | awk '{ printf "%.1f", $1 / 1e6 }'; }

files_note() {
  local names=() file
  for file in "${AUDIT[@]}"; do names+=("$(basename "$file")"); done
  local tenant="the generator's number of users for the size"
  [ -z "$users" ] || tenant="$users users"
  printf 'Input: %s MB of audit exports generated with seed %s, %s: %s\n' "$(input_mb)" "$seed" "$tenant" "${names[*]}"
}

status_of() { $bench parse-time "$work/$1.time" | awk '{ print $2 }'; }  # NAME: its exit status

# check_run NAME WHAT [stop]: when run NAME failed, shows the end of its stderr and returns 1 (with
# "stop": exits).
check_run() {
  local status
  status=$(status_of "$1")
  [ "$status" = 0 ] && return 0
  note "$2 failed with exit status $status; the end of its stderr:"
  tail -15 "$work/$1.err" | sed 's/^/  /' >&2
  [ "${3:-}" = stop ] && die "$2 failed"
  return 1
}

finish() {  # MODE LABEL: prints the report, saves it, exits with its status
  local saved status=0
  mkdir -p "$bench_dir/data/results"
  saved="$bench_dir/data/results/$(date +%Y%m%d-%H%M%S)-$1.txt"
  $bench report "$results" | tee "$saved" || status=$?
  cp "$results" "${saved%.txt}.jsonl"
  note ""
  note "Saved in $saved"
  exit "$status"
}

# --- Modes -----------------------------------------------------------------------------------

throughput() {
  local size=$1 dir duckdb_label="" duckdb_note
  build_tool
  dir=$(data_dir "$size")
  load_inputs "$dir"
  local all_files=()
  [ "$files_mode" = all ] && all_files=(--all-files)

  duckdb_note="DuckDB: left out (BENCH_DUCKDB=0)"
  if [ "${BENCH_DUCKDB:-1}" != 0 ]; then
    if ensure_duckdb; then
      duckdb_label="DuckDB $(duckdb_version) ($duckdb_memory limit, $duckdb_threads threads)"
      duckdb_note="DuckDB: Benchmarks/duckdb_job.py, memory_limit=$duckdb_memory, threads=$duckdb_threads"
    else
      duckdb_note="DuckDB: SKIPPED, it could not be installed from PyPI (see the note above)"
    fi
  fi
  $bench context "$results" --load "$start_load" --mode throughput --truth "$dir/sample-truth.json" "${all_files[@]}" \
    --note "$(files_note)" --note "$duckdb_note" --note "$(runs_note)" -- "${AUDIT[@]}"

  build_command "$work/copilot-prep-out"
  local round duckdb_failed=0 copilot_prep_failed=0
  for ((round = 1; round <= runs; round++)); do
    note "Round $round of $runs: cat > /dev/null..."
    settle
    timed "cat-$round" /dev/null cat "${AUDIT[@]}"
    record cat "cat > /dev/null (physical reference)" "cat-$round"

    if [ "$copilot_prep_failed" = 0 ]; then
      note "Round $round of $runs: copilot-prep build..."
      settle
      timed "copilot-prep-$round" "$work/copilot-prep-$round.out" "${BUILD[@]}"
      record copilot-prep "copilot-prep build (all outputs)" "copilot-prep-$round" "$work/copilot-prep-out/build-report.json"
      check_run "copilot-prep-$round" "copilot-prep build" || copilot_prep_failed=1
      if [ "$keep" != 1 ] || [ "$round" != "$runs" ]; then rm -rf "$work/copilot-prep-out"; fi
    fi

    if [ -n "$duckdb_label" ] && [ "$duckdb_failed" = 0 ]; then
      note "Round $round of $runs: the DuckDB job..."
      settle
      timed "duckdb-$round" "$work/duckdb-$round.json" "$venv/bin/python" "$bench_dir/duckdb_job.py" \
        --memory-limit "$duckdb_memory" --threads "$duckdb_threads" --temp-dir "$work/duckdb-tmp" \
        "$work/duckdb-out" "${AUDIT[@]}"
      record duckdb "$duckdb_label" "duckdb-$round" "$work/duckdb-$round.json"
      check_run "duckdb-$round" "The DuckDB job" || duckdb_failed=1  # no more rounds of a failing job
      if [ "$keep" != 1 ] || [ "$round" != "$runs" ]; then rm -rf "$work/duckdb-out" "$work/duckdb-tmp"; fi
    fi
  done
  finish "throughput-$size"
}

flatness() {
  local small=$1 large=$2 size dir
  build_tool
  local dirs=()
  for size in "$small" "$large"; do dirs+=("$(data_dir "$size")"); done
  load_inputs "${dirs[0]}"
  local first_note; first_note=$(files_note)
  load_inputs "${dirs[1]}"
  $bench context "$results" --load "$start_load" --mode flatness --note "$first_note" --note "$(files_note)" \
    --note "copilot-prep build with all outputs. $(runs_note)" -- "${AUDIT[@]}"
  local round
  for ((round = 1; round <= runs; round++)); do
    for dir in "${dirs[@]}"; do
      load_inputs "$dir"
      size=$(basename "$dir")
      note "Round $round of $runs: copilot-prep build on $(input_mb) MB..."
      settle
      build_command "$work/out-$size"
      timed "build-$size-$round" "$work/build-$size-$round.out" "${BUILD[@]}"
      record copilot-prep "copilot-prep build, $(input_mb) MB" "build-$size-$round"
      check_run "build-$size-$round" "copilot-prep build on $(input_mb) MB" || true
      [ "$keep" = 1 ] || rm -rf "$work/out-$size"
    done
  done
  finish "flatness-$small-$large"
}

cores_mode() {
  local size=$1 dir
  command -v taskset >/dev/null || die "taskset (util-linux) is needed for --cores"
  build_tool
  dir=$(data_dir "$size")
  load_inputs "$dir"
  local notes=(--note "$(files_note)" --note "$(runs_note)")
  [ "$cores" -gt 1 ] || notes+=(--note "note: this machine has 1 core, so both runs use one core.")
  $bench context "$results" --load "$start_load" --mode cores "${notes[@]}" -- "${AUDIT[@]}"
  # Every run writes the same folder (build-report.json and the .pbit name it), hashed after each.
  build_command "$work/out"
  local label=("1 core (taskset -c 0)" "$cores cores (taskset -c 0-$((cores - 1)))")
  local cpus=(0 "0-$((cores - 1))") which round hashes=()
  for ((round = 1; round <= runs; round++)); do
    for which in 0 1; do
      note "Round $round of $runs: copilot-prep build on ${label[$which]}..."
      settle
      timed "cores-$which-$round" "$work/cores-$which-$round.out" taskset -c "${cpus[$which]}" "${BUILD[@]}"
      record copilot-prep "${label[$which]}" "cores-$which-$round"
      check_run "cores-$which-$round" "copilot-prep build on ${label[$which]}" stop
      $bench hashes "$work/out" "$work/cores-$which-$round.sha256"
      hashes+=("$work/cores-$which-$round.sha256")
    done
  done
  $bench compare "$results" "${hashes[@]}"
  finish "cores-$size"
}

# --- Main ------------------------------------------------------------------------------------

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
[ "$files_mode" = all ] || [ "$files_mode" = current ] || die "BENCH_FILES must be all or current, not '$files_mode'"
command -v python3 >/dev/null || die "python3 is needed"
[ -x /usr/bin/time ] || note "note: /usr/bin/time (GNU time) is not installed; measuring peak RSS with the kernel's rusage instead (apt-get install time for GNU time)"
work=$(mktemp -d "${TMPDIR:-/tmp}/copilot-prep-bench.XXXXXX")
results="$work/results.jsonl"

sizes=("$@")
[[ ${1:-} == --* ]] && sizes=("${@:2}")
for size in "${sizes[@]}"; do  # the sizes given, checked before the long build
  [[ $size =~ ^[1-9][0-9]*$ ]] || die "a size is a whole number of MB, not '$size' (see --help)"
done
case "${1:-}" in
  --flatness) runs=${BENCH_RUNS:-1} ;;
  *) runs=${BENCH_RUNS:-3} ;;
esac
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a whole number of rounds, not '$runs'"

case "${1:-}" in
  --flatness) flatness "${2:-100}" "${3:-2000}" ;;
  --cores) cores_mode "${2:-600}" ;;
  -*) usage >&2; exit 2 ;;
  *) throughput "${1:-600}" ;;
esac
