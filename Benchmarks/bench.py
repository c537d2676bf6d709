#!/usr/bin/env python3
"""Helpers for Benchmarks/run.sh (standard library only; runs with any python3).

    bench.py inputs DATA_DIR [--files all|current]     the files a run reads (one place to adjust)
    bench.py measure TIME_FILE -- COMMAND...            run COMMAND; write GNU time -v style lines
    bench.py parse-time TIME_FILE                       print "peak_rss_kb exit_status"
    bench.py metrics FILE                               the four metrics of a report / job output / truth
    bench.py context RESULTS --mode M [options] -- AUDIT...   record the machine and the input
    bench.py record RESULTS --tool T --label L --seconds S --time-file F [--metrics-file F] [--log F]
    bench.py hashes DIR OUT_FILE                        SHA-256 of every file under DIR
    bench.py compare RESULTS HASHES...                  record whether output folders are identical
    bench.py report RESULTS                             print the tables; check agreement and targets

RESULTS is a JSON-lines file: one "context" line, one line per measured "run", and for the
cores mode one "comparison" line.
"""
import argparse
import glob
import hashlib
import json
import os
import platform
import re
import subprocess
import sys
import time

METRICS = ["records", "prompts", "activeUsers", "sessions"]

# The targets for `copilot-prep build` (release, all outputs, 2 cores).
TARGET_MB_S, MINIMUM_MB_S, TARGET_VS_DUCKDB = 300, 150, 5.0
TARGET_RSS_MB, TARGET_GROWTH_PCT = 300, 20

# The DuckDB job's exit status when DuckDB ran out of its memory limit, and how a run says so.
DUCKDB_OUT_OF_MEMORY = 3
OUT_OF_MEMORY = "exceeded its memory limit"


# --- Which files a run reads -------------------------------------------------------------------

# Where the sample generator puts things, when sample-truth.json does not list them.
AUDIT_GLOB = "audit/*.csv"
LICENSED_PATTERNS = ["*readiness*.csv", "*licen*.csv"]
ORG_PATTERNS = ["*entra*.csv", "*org*.csv", "*users*.csv"]


def is_current_utf8(path):
    """A current-layout export as Purview writes it: UTF-8 (BOM or not), comma-delimited."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    header = head.split(b"\n", 1)[0].decode("utf-8", errors="replace").strip().lower()
    columns = [c.strip('"') for c in header.split(",")]
    return "recordid" in columns and "operation" in columns and "auditdata" in columns


def inputs(data_dir, files="all"):
    """(audit files, licensed file, org file) of a generated sample folder. The audit files come
    in sample-truth.json's order (the order the truth counts them in), else sorted by name."""
    audit, licensed, org = [], None, None
    truth_path = os.path.join(data_dir, "sample-truth.json")
    if os.path.exists(truth_path):
        with open(truth_path, encoding="utf-8") as handle:
            truth = json.load(handle)
        audit = [os.path.join(data_dir, f["name"]) for f in truth.get("files", [])]
        licensed = truth.get("licensedFile") and os.path.join(data_dir, truth["licensedFile"])
        org = truth.get("orgFile") and os.path.join(data_dir, truth["orgFile"])
    if not audit:
        audit = sorted(glob.glob(os.path.join(data_dir, AUDIT_GLOB)))

    def first(patterns, avoid=None):
        for pattern in patterns:
            for path in sorted(glob.glob(os.path.join(data_dir, pattern))):
                if path != avoid:
                    return path
        return None

    licensed = licensed or first(LICENSED_PATTERNS)
    org = org or first(ORG_PATTERNS, avoid=licensed)
    if files == "current":
        audit = [path for path in audit if is_current_utf8(path)]
    elif files != "all":
        raise SystemExit(f"bench.py: the file selection must be 'all' or 'current', not {files!r}")
    missing = [str(p) for p in audit + [licensed, org] if not p or not os.path.exists(p)]
    if not audit or missing:
        raise SystemExit(f"bench.py: {data_dir}: input files not found "
                         f"({', '.join(missing) if missing else 'no ' + AUDIT_GLOB})")
    return audit, licensed, org


# --- Measuring ---------------------------------------------------------------------------------

def measure(time_file, command):
    """Runs command and writes its peak RSS and exit status the way GNU time -v does: the fallback
    when /usr/bin/time is not installed (the kernel's rusage of the child, from wait4)."""
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    with open(time_file, "w", encoding="utf-8") as handle:
        handle.write(f"\tCommand being timed: \"{' '.join(command)}\"\n")
        if code < 0:
            handle.write(f"\tCommand terminated by signal {-code}\n")
        handle.write(f"\tElapsed (wall clock) time (h:mm:ss or m:ss): {int(elapsed // 60)}:{elapsed % 60:05.2f}\n")
        handle.write(f"\tMaximum resident set size (kbytes): {usage.ru_maxrss}\n")
        handle.write(f"\tExit status: {max(code, 0)}\n")
    return code if code >= 0 else 128 - code


def parse_time(time_file):
    """(peak RSS in kB, exit status) from GNU time -v output."""
    with open(time_file, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    signal = re.search(r"Command terminated by signal (\d+)", text)
    status = re.search(r"Exit status: (\d+)", text)
    code = 128 + int(signal.group(1)) if signal else int(status.group(1)) if status else 1
    return (int(rss.group(1)) if rss else 0), code


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def hashes(folder, out):
    lines = []
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            lines.append(f"{sha256_of(path)}  {os.path.relpath(path, folder)}")
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("\n".join(sorted(lines, key=lambda line: line.split("  ", 1)[1])) + "\n")


# --- Metrics and results -----------------------------------------------------------------------

def metrics_of(path):
    """The four metrics from build-report.json (under "metrics"), sample-truth.json or the DuckDB
    job's stdout (top level). None when the file holds none (e.g. the job's error JSON)."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read().strip()
        try:
            data = json.loads(text)
        except ValueError:
            data = json.loads(text.splitlines()[-1])  # the job's JSON line after other output
    except (OSError, ValueError, IndexError):
        return None
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("metrics"), dict):
        data = data["metrics"]
    if not all(isinstance(data.get(k), int) for k in METRICS):
        return None
    return {k: data[k] for k in METRICS}


def append(results, entry):
    with open(results, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, sort_keys=True) + "\n")


def command_output(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            kb = int(next(line.split()[1] for line in handle if line.startswith("MemTotal")))
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    system = platform.system()
    try:
        system = platform.freedesktop_os_release().get("PRETTY_NAME", system)
    except (OSError, AttributeError):
        pass
    swift = command_output(["swift", "--version"]).splitlines()
    swift = re.sub(r"^.*?(Swift version \S+).*$", r"\1", swift[0]) if swift else "Swift ?"
    return f"{os.cpu_count()} cores{' (' + cpu + ')' if cpu else ''}{memory}, {system}, {swift}"


def context(results, args):
    sizes = sum(os.path.getsize(path) for path in args.audit)
    truth = metrics_of(args.truth) if args.truth else None
    notes = list(args.note or [])
    if args.load is not None and args.load >= 0.5:
        notes.append(f"note: load average {args.load:.2f} when the script started (work running then or just before "
                     "shares the cores): the figures may be slower and noisier than on an idle machine.")
    entry = {"kind": "context", "mode": args.mode, "machine": machine(), "inputMB": sizes / 1e6,
             "files": [os.path.basename(path) for path in args.audit], "allFiles": args.all_files,
             "truth": truth, "notes": notes, "cores": os.cpu_count(),
             "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    append(results, entry)


def record(results, args):
    rss_kb, code = parse_time(args.time_file)
    status = "ok"
    if code != 0:
        where = f"; see {args.log}" if args.log else ""
        if code == 137:
            where = " (killed: SIGKILL, e.g. by the kernel's out-of-memory killer)" + where
        if args.tool == "duckdb" and code == DUCKDB_OUT_OF_MEMORY:
            status = f"{OUT_OF_MEMORY}{where}"
        else:
            status = f"failed with exit status {code}{where}"
    metrics = metrics_of(args.metrics_file) if args.metrics_file else None
    append(results, {"kind": "run", "tool": args.tool, "label": args.label, "seconds": args.seconds,
                     "rssMB": rss_kb / 1024, "status": status, "metrics": metrics, "inputMB": args.input_mb})
    return 0


def compare(results, paths):
    """Records whether every hash list equals the first (same files, same bytes)."""
    def read(path):
        with open(path, encoding="utf-8") as handle:
            return dict(reversed(line.rstrip("\n").split("  ", 1)) for line in handle if line.strip())

    first = read(paths[0])
    names = set(first)
    differences = []
    for path in paths[1:]:
        other = read(path)
        names |= set(other)
        for name in sorted(set(first) | set(other)):
            if first.get(name) != other.get(name):
                what = "missing in one run" if name not in first or name not in other else "different bytes"
                differences.append(f"{name}: {what} ({os.path.basename(paths[0])} vs {os.path.basename(path)})")
    append(results, {"kind": "comparison", "identical": not differences, "files": len(names),
                     "runs": len(paths), "differences": differences})


# --- The report --------------------------------------------------------------------------------

def number(value, digits=0):
    return f"{value:,.{digits}f}"


def table(header, rows, align):
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows)]

    def line(cells):
        return "| " + " | ".join(str(c).rjust(w) if a == "r" else str(c).ljust(w)
                                 for c, w, a in zip(cells, widths, align)) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if a == "r" else ("-" * (w + 2)) for w, a in zip(widths, align)) + "|"
    return "\n".join([line(header), rule] + [line(r) for r in rows])


def report_throughput(context_entry, runs):
    failed = False
    mb = context_entry["inputMB"]
    duck = next((r for r in runs if r["tool"] == "duckdb"), None)
    duck_ok = duck is not None and duck["status"] == "ok"
    rows = []
    for run in runs:
        ok = run["status"] == "ok"
        rate = number(mb / run["seconds"]) if ok and run["seconds"] > 0 else "-"
        ratio = f"{duck['seconds'] / run['seconds']:.2f}x" if ok and duck_ok and run["tool"] != "cat" else "-"
        rss = number(run["rssMB"]) if run["tool"] != "cat" and run["rssMB"] else "-"
        label = run["label"] if ok else f"{run['label']} ({run['status']})"
        rows.append([label, number(run["seconds"], 3 if run["seconds"] < 1 else 2), rate, rss, ratio])
    print(table(["tool", "seconds", "MB/s", "peak RSS MB", "throughput vs DuckDB"], rows, "lrrrr"))
    print()

    truth = context_entry.get("truth")
    sources = [("sample-truth.json", truth)] + [(r["label"], r["metrics"]) for r in runs if r["tool"] != "cat"]
    print(table(["metrics of"] + METRICS,
                [[name] + ([number(m[k]) for k in METRICS] if m else ["-"] * len(METRICS)) for name, m in sources],
                "lrrrr"))
    print()
    tools = [(name, m) for name, m in sources[1:] if m]
    cp = next((r for r in runs if r["tool"] == "copilot-prep"), None)
    if cp is None or cp["status"] != "ok" or not cp["metrics"]:
        print("FAILED: copilot-prep build did not finish with metrics in build-report.json.")
        failed = True
    if len({json.dumps(m, sort_keys=True) for _, m in tools}) > 1:
        print("METRICS DIFFER between copilot-prep and DuckDB on the same files (see above).")
        failed = True
    elif len(tools) == 2:
        print("Metrics agree: copilot-prep and DuckDB report the same records, prompts, active users and sessions.")
    elif tools:
        print(f"Only copilot-prep's metrics were checked: DuckDB {'did not finish' if duck else 'was not run'}.")
    if truth and tools:
        if all(m == truth for _, m in tools):
            print("They match sample-truth.json.")
        elif context_entry.get("allFiles"):
            print("MISMATCH with sample-truth.json, which counts exactly these files.")
            failed = True
        else:
            print("note: sample-truth.json counts all of the sample's files, not only the ones benchmarked "
                  "here; differences from it are expected.")

    if cp and cp["status"] == "ok" and cp["seconds"] > 0:
        rate = mb / cp["seconds"]
        print()
        print("The issue's targets for copilot-prep build:")
        verdict = "met" if rate >= TARGET_MB_S else "minimum met, target not" if rate >= MINIMUM_MB_S else "NOT met"
        print(f"  throughput {rate:,.0f} MB/s (target {TARGET_MB_S}, minimum {MINIMUM_MB_S}): {verdict}")
        if duck_ok:
            ratio = duck["seconds"] / cp["seconds"]
            print(f"  {ratio:.2f}x DuckDB's throughput (minimum {TARGET_VS_DUCKDB:.0f}x): "
                  f"{'met' if ratio >= TARGET_VS_DUCKDB else 'NOT met'}")
        else:
            print(f"  throughput vs DuckDB: not measured (DuckDB {'did not finish' if duck else 'was not run'})")
        print(f"  peak RSS {cp['rssMB']:,.0f} MB (at most {TARGET_RSS_MB}): "
              f"{'met' if cp['rssMB'] <= TARGET_RSS_MB else 'NOT met'}")
    return failed


def report_flatness(runs):
    done = [r for r in runs if r["status"] == "ok"]
    rows = [[f"{r['inputMB']:,.0f} MB", number(r["seconds"], 2), number(r["inputMB"] / r["seconds"]),
             number(r["rssMB"])] for r in done]
    print(table(["input", "seconds", "MB/s", "peak RSS MB"], rows, "lrrr"))
    print()
    if len(done) != 2:
        print("FAILED: " + "; ".join(f"{r['label']}: {r['status']}" for r in runs if r["status"] != "ok"))
        return True
    small, large = done
    growth = (large["rssMB"] - small["rssMB"]) * 100 / small["rssMB"]
    peak = max(small["rssMB"], large["rssMB"])
    print(f"Peak RSS growth from {small['inputMB']:,.0f} MB to {large['inputMB']:,.0f} MB of input: {growth:+.0f}%")
    print(f"The issue's targets: growth under {TARGET_GROWTH_PCT}%: {'met' if growth < TARGET_GROWTH_PCT else 'NOT met'}; "
          f"peak RSS at most {TARGET_RSS_MB} MB: {'met' if peak <= TARGET_RSS_MB else 'NOT met'} ({peak:,.0f} MB)")
    return False


def report_cores(context_entry, runs, comparison):
    failed = False
    done = [r for r in runs if r["status"] == "ok"]
    rows = [[r["label"], number(r["seconds"], 2), number(context_entry["inputMB"] / r["seconds"]), number(r["rssMB"])]
            for r in done]
    print(table(["copilot-prep build", "seconds", "MB/s", "peak RSS MB"], rows, "lrrr"))
    print()
    if len(done) == 2:
        print(f"Speed-up from {done[0]['label']} to {done[1]['label']}: {done[0]['seconds'] / done[1]['seconds']:.2f}x")
    else:
        print("FAILED: " + "; ".join(f"{r['label']}: {r['status']}" for r in runs if r["status"] != "ok"))
        failed = True
    if comparison and comparison["identical"]:
        print(f"Outputs byte-identical: all {comparison['files']} output files have the same SHA-256 "
              f"in all {comparison.get('runs', 2)} runs.")
    elif comparison:
        print(f"OUTPUTS DIFFER between the core counts ({len(comparison['differences'])} of {comparison['files']} files):")
        for line in comparison["differences"]:
            print("  " + line)
        failed = True
    return failed


def best_of(runs):
    """One entry per label (in first-seen order) from repeated runs: the fastest successful run's
    seconds, the highest peak RSS, the metrics (flagged when repeats disagree), and the first
    failure's status when none succeeded."""
    combined = {}
    for run in runs:
        combined.setdefault(run["label"], []).append(run)
    result = []
    for label, repeats in combined.items():
        done = [r for r in repeats if r["status"] == "ok"]
        if not done:
            result.append(dict(repeats[0], repeats=len(repeats)))
            continue
        fastest = min(done, key=lambda r: r["seconds"])
        metrics = [r["metrics"] for r in done if r["metrics"]]
        entry = dict(fastest, repeats=len(repeats), rssMB=max(r["rssMB"] for r in done),
                     metrics=metrics[0] if metrics else None,
                     unstableMetrics=any(m != metrics[0] for m in metrics),
                     failures=[r["status"] for r in repeats if r["status"] != "ok"])
        result.append(entry)
    return result


def report(results):
    """Prints what run.sh measured; returns 0 when every check passed, else 1."""
    with open(results, encoding="utf-8") as handle:
        entries = [json.loads(line) for line in handle if line.strip()]
    context_entry = next((e for e in entries if e["kind"] == "context"), {})
    raw_runs = [e for e in entries if e["kind"] == "run"]
    runs = best_of(raw_runs)
    problems, notes = [], []
    for run in runs:
        if run.get("unstableMetrics"):
            problems.append(f"METRICS CHANGED between repeated runs of {run['label']}.")
        repeats = [r for r in raw_runs if r["label"] == run["label"]]
        failures = [r["status"] for r in repeats if r["status"] != "ok"]
        out_of_memory = [f for f in failures if f.startswith(OUT_OF_MEMORY)]
        if out_of_memory:  # a finding about DuckDB, not a failure of the benchmark
            notes.append(f"note: {run['label']} {OUT_OF_MEMORY} in {len(out_of_memory)} of {len(repeats)} run(s).")
        others = [f for f in failures if not f.startswith(OUT_OF_MEMORY)]
        if others:
            problems.append(f"FAILED: {len(others)} of {len(repeats)} run(s) of {run['label']}: {others[0]}")
    comparison = next((e for e in entries if e["kind"] == "comparison"), None)
    mode = context_entry.get("mode", "throughput")
    print()
    print(f"Machine: {context_entry.get('machine', '?')}")
    for note in context_entry.get("notes", []):
        print(note)
    print()
    if mode == "throughput":
        failed = report_throughput(context_entry, runs)
    elif mode == "flatness":
        failed = report_flatness(runs)
    else:
        failed = report_cores(context_entry, runs, comparison)
    if notes or problems:
        print()
        print("\n".join(notes + problems))
    return 1 if failed or problems else 0


def main(argv):
    parser = argparse.ArgumentParser(description="Helpers for Benchmarks/run.sh.")
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("inputs")
    p.add_argument("data_dir")
    p.add_argument("--files", default="all", choices=["all", "current"])
    p = commands.add_parser("measure")
    p.add_argument("time_file")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    p = commands.add_parser("parse-time")
    p.add_argument("time_file")
    p = commands.add_parser("metrics")
    p.add_argument("file")
    p = commands.add_parser("context")
    p.add_argument("results")
    p.add_argument("--mode", required=True, choices=["throughput", "flatness", "cores"])
    p.add_argument("--truth")
    p.add_argument("--all-files", action="store_true")
    p.add_argument("--note", action="append")
    p.add_argument("--load", type=float, help="the 1-minute load average before the script's own work")
    p.add_argument("audit", nargs="+")
    p = commands.add_parser("record")
    p.add_argument("results")
    p.add_argument("--tool", required=True)
    p.add_argument("--label", required=True)
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--time-file", required=True)
    p.add_argument("--metrics-file")
    p.add_argument("--log")
    p.add_argument("--input-mb", type=float)
    p = commands.add_parser("hashes")
    p.add_argument("folder")
    p.add_argument("out")
    p = commands.add_parser("compare")
    p.add_argument("results")
    p.add_argument("hash_files", nargs="+")
    p = commands.add_parser("report")
    p.add_argument("results")
    args = parser.parse_args(argv[1:])

    if args.command == "inputs":
        audit, licensed, org = inputs(args.data_dir, args.files)
        print("\n".join([f"audit\t{p}" for p in audit] + [f"licensed\t{licensed}", f"org\t{org}"]))
    elif args.command == "measure":
        command = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
        if not command:
            parser.error("measure needs a command after --")
        return measure(args.time_file, command)
    elif args.command == "parse-time":
        print(*parse_time(args.time_file))
    elif args.command == "metrics":
        metrics = metrics_of(args.file)
        if metrics is None:
            return 1
        print(json.dumps(metrics, sort_keys=True))
    elif args.command == "context":
        context(args.results, args)
    elif args.command == "record":
        return record(args.results, args)
    elif args.command == "hashes":
        hashes(args.folder, args.out)
    elif args.command == "compare":
        compare(args.results, args.hash_files)
    elif args.command == "report":
        return report(args.results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
