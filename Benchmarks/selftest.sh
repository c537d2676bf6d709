#!/usr/bin/env bash
# Checks the DuckDB peer (Benchmarks/duckdb_job.py) against numbers worked out by hand on the tiny
# exports in Benchmarks/selftest/ (selftest/README.md shows the working), and copilot-prep's
# release build the same way when it exists (.build/release/copilot-prep): the benchmark's
# metric check is only as good as both tools' agreement with these numbers.
#
#   Benchmarks/selftest.sh
#
# Also checks that the job reports an exceeded memory limit (exit 3, {"error": "outOfMemory"})
# and an unreadable export as errors instead of crashing. Not part of `swift test`.
set -euo pipefail
export LC_ALL=C

# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_duckdb || die "the self-test needs DuckDB in $venv"
work=$(mktemp -d "${TMPDIR:-/tmp}/copilot-prep-selftest.XXXXXX")
trap 'rm -rf "$work"' EXIT
copilot_prep="$repo_root/.build/release/copilot-prep"
[ -x "$copilot_prep" ] || { note "note: $copilot_prep is not built: checking DuckDB only (swift build -c release to check both)"; copilot_prep=""; }

python3 - "$bench_dir" "$venv/bin/python" "$work" "$copilot_prep" <<'PYTHON'
import csv
import json
import os
import subprocess
import sys

bench, python, work, copilot_prep = sys.argv[1:5]
fixture = os.path.join(bench, "selftest")
expected = json.load(open(os.path.join(fixture, "expected.json"), encoding="utf-8"))
results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(f"{'ok' if ok else 'not ok'} - {name}" + ("" if ok else f": {detail}"))


def rows_of(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1  # less the header


def job(out, files, *options):
    command = [python, os.path.join(bench, "duckdb_job.py"), *options, out] + files
    return subprocess.run(command, capture_output=True, text=True)


for number, case in enumerate(expected["cases"]):
    files = [os.path.join(fixture, "audit", name) for name in case["files"]]
    out = os.path.join(work, f"duckdb-{number}")
    run = job(out, files)
    try:
        metrics = json.loads(run.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        metrics = None
    check(f"DuckDB job, {case['name']}: exits 0", run.returncode == 0, run.stderr.strip()[-500:])
    check(f"DuckDB job, {case['name']}: metrics {case['metrics']}", metrics == case["metrics"], f"got {metrics}")
    for table, count in case["tables"].items():
        path = os.path.join(out, f"{table}.csv")
        got = rows_of(path) if os.path.exists(path) else None
        check(f"DuckDB job, {case['name']}: {table}.csv has {count} rows", got == count, f"got {got}")

    if copilot_prep:
        out = os.path.join(work, f"copilot-prep-{number}")
        command = [copilot_prep, "build"]
        for path in files:
            command += ["--audit", path]
        command += ["--licensed", os.path.join(fixture, "copilot-readiness-report.csv"),
                    "--org", os.path.join(fixture, "entra-users.csv"), "--out", out, "--force", "--quiet"]
        run = subprocess.run(command, capture_output=True, text=True)
        check(f"copilot-prep build, {case['name']}: exits 0", run.returncode == 0, run.stderr.strip()[-500:])
        try:
            report = json.load(open(os.path.join(out, "build-report.json"), encoding="utf-8"))
        except (OSError, ValueError):
            report = {}
        metrics = {k: report.get("metrics", {}).get(k) for k in case["metrics"]}
        check(f"copilot-prep build, {case['name']}: metrics {case['metrics']}", metrics == case["metrics"], f"got {metrics}")
        audit = report.get("accounting", {}).get("audit", {})
        rows = {k: audit.get(k) for k in case["rows"]}
        check(f"copilot-prep build, {case['name']}: audit rows {case['rows']}", rows == case["rows"], f"got {rows}")
        for table, count in case["tables"].items():
            path = os.path.join(out, "tables", f"{table}.csv")
            got = rows_of(path) if os.path.exists(path) else None
            check(f"copilot-prep build, {case['name']}: tables/{table}.csv has {count} rows", got == count, f"got {got}")

# A memory limit DuckDB cannot work within is reported, not a crash.
files = [os.path.join(fixture, "audit", name) for name in expected["cases"][0]["files"]]
run = job(os.path.join(work, "oom"), files, "--memory-limit", "1MB")
try:
    error = json.loads(run.stdout.strip().splitlines()[-1]).get("error")
except (ValueError, IndexError, AttributeError):
    error = None
check("DuckDB job over its memory limit: exit 3 and an outOfMemory error",
      run.returncode == 3 and error == "outOfMemory", f"exit {run.returncode}, stdout {run.stdout.strip()[:200]!r}")

# A file that is not an audit export is an error with a message, not a traceback.
bogus = os.path.join(work, "not-an-export.csv")
with open(bogus, "w", encoding="utf-8") as handle:
    handle.write("a,b\n1,2\n")
run = job(os.path.join(work, "bogus"), [bogus])
check("DuckDB job on a file without AuditData: exit 1 with a message",
      run.returncode == 1 and "AuditData" in run.stdout and "Traceback" not in run.stderr,
      f"exit {run.returncode}, stdout {run.stdout.strip()[:200]!r}, stderr {run.stderr.strip()[-200:]!r}")

print(f"{results['passed']} passed, {results['failed']} failed")
sys.exit(1 if results["failed"] else 0)
PYTHON
