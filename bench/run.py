#!/usr/bin/env python3
"""rsc benchmark harness: R and rsc side by side, one markdown table.

Engines: R, R with data.table::fread, statsmodels (the kit's lm_statsmodels.py, for the
lm_1eN workloads, when statsmodels and pandas import) and rsc.

Workloads: the shared kit's scripts (loop, fib, vec, startup, lm_1e5, lm_1e6 from
$BENCH_KIT/workloads, default ../shared/bench next to the repository) and rsc's own
(bench/workloads/*.R: the lm fit alone and glm(binomial) on 1e6 rows in memory). Each
runs unchanged under `Rscript --vanilla`, under R with read.csv replaced by
data.table::fread (the kit's shim, for scripts that read CSV, when data.table is
installed) and under rsc, round-robin, N times after a warm-up (waiting a few seconds
after any run that held more than 500 MB); the table reports median
wall seconds, peak memory (max RSS) and the paired median ratios. Scripts that print
`fit_seconds: X` also get their in-process fit time reported (the fit alone, without data
generation or reading).

A second table covers rsc-only workloads (bench/stream/*.R, run in the kit's folder):
lm streamed from a CSV through scan_csv at 1e7 and 1e8 rows beside the in-memory path on
the same file, with rows per second and peak memory, and the check that the streamed fit
equals the in-memory one. They need data/reg_1e7.csv and data/reg_1e8.csv
(`python3 gen_data.py --sizes 1e8,1e7,1e6,1e5` in the kit).

    python3 bench/run.py                      # all workloads, 3 runs each
    python3 bench/run.py --only loop,fib -n 5
    python3 bench/run.py --write              # also rewrite the tables in BENCHMARKS.md
    python3 bench/run.py --only lm_1e7 --no-stream -n 1

rsc is target/release/rsc (or $CARGO_TARGET_DIR/release/rsc, or $RSC). Build it first:
`cargo build --release`. Thread count follows RSC_THREADS (default: all cores).
"""
import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics as st
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OWN = os.path.join(ROOT, "bench", "workloads")
KIT = os.environ.get("BENCH_KIT", os.path.join(os.path.dirname(ROOT), "shared", "bench"))

# After a run that held this much memory the next waits --settle seconds: on a virtual
# machine the host takes freed memory back for a while after a large process exits, and
# whichever engine runs next would pay for it.
BIG_MB = 500

SHARED = ["startup", "fib", "loop", "vec", "lm_1e5", "lm_1e6", "lm_1e7"]
LABELS = {
    "startup": "startup (`1 + 1`)",
    "fib": "fib.R (fib(24))",
    "loop": "loop.R (1e7 scalar iterations)",
    "vec": "vec.R (vectorised arithmetic on 1e7)",
    "lm_1e5": "lm_1e5.R (read.csv + lm + summary, 1e5 rows)",
    "lm_1e6": "lm_1e6.R (read.csv + lm + summary, 1e6 rows)",
    "lm_1e7": "lm_1e7.R (read.csv + lm + summary, 1e7 rows)",
    "lm_fit_1e6": "lm_fit_1e6.R (lm + summary, 1e6 rows in memory)",
    "lm_fit_1e7": "lm_fit_1e7.R (lm + summary, 1e7 rows in memory)",
    "glm_binomial_1e6": "glm_binomial_1e6.R (glm binomial + summary, 1e6 rows in memory)",
    "saverds_1e7": "saverds_1e7.R (saveRDS of a 1e7 x 2 numeric frame, gzip)",
    "readrds_1e7": "readrds_1e7.R (readRDS of a 1e7 x 2 numeric frame, gzip)",
    "solve_1000": "solve_1000.R (solve, 1000 x 1000 with 10 right-hand sides)",
    "svd_1000x200": "svd_1000x200.R (svd with u and v, 1000 x 200)",
    "eigen_sym_500": "eigen_sym_500.R (eigen, symmetric 500 x 500)",
    "crossprod_1e6x50": "crossprod_1e6x50.R (crossprod, 1e6 x 50)",
    "matmul_2000": "matmul_2000.R (%*%, 2000 x 2000 by 2000 x 2000)",
    "kmeans_1e6x10": "kmeans_1e6x10.R (kmeans, 5 centres, nstart = 3, 1e6 x 10)",
    "hclust_5000": "hclust_5000.R (hclust complete + average, 5,000 points)",
    "arima_1e5": "arima_1e5.R (arima(2, 1, 2) by ML, 1e5 points)",
    "density_1e7": "density_1e7.R (density, Gaussian kernel, 1e7 points)",
    "dist_5000x10": "dist_5000x10.R (dist euclidean + manhattan, 5,000 x 10)",
    "data_1e3": "data_1e3.R (factor, grouping, tables, sorting, matching, frame rows; 1e3 rows x 100)",
    "data_1e6": "data_1e6.R (factor, grouping, tables, sorting, matching, frame rows; 1e6 rows)",
    "data_1e7": "data_1e7.R (factor, grouping, tables, sorting, matching, frame rows; 1e7 rows)",
    "rcode_1e5": "rcode_1e5.R (apply family over closures, Map/Reduce, list growth, recursion; 1e5 calls)",
}

# Lines a workload prints about its own timing; everything else must be the same in R and rsc.
TIMING = re.compile(r"^(op_seconds|fit_seconds|summary_seconds):.*$", re.M)


def rsc_binary():
    for cand in [os.environ.get("RSC"),
                 os.path.join(os.environ.get("CARGO_TARGET_DIR", ""), "release", "rsc") if os.environ.get("CARGO_TARGET_DIR") else None,
                 os.path.join(ROOT, "target", "release", "rsc")]:
        if cand and os.path.isfile(cand) and os.access(cand, os.X_OK):
            return os.path.abspath(cand)
    sys.exit("rsc release binary not found: build with `cargo build --release` or set RSC")


def workloads():
    out = []
    for w in SHARED:
        path = os.path.join(KIT, "workloads", f"{w}.R")
        if w.startswith("lm_") and not os.path.exists(os.path.join(KIT, "data", f"reg_{w[3:]}.csv")):
            print(f"skip {w}: data missing in {KIT}/data (run gen_data.py)", file=sys.stderr)
            continue
        if os.path.exists(path):
            out.append((w, path, KIT))
    for f in sorted(os.listdir(OWN)):
        if f.endswith(".R"):
            out.append((f[:-2], os.path.join(OWN, f), OWN))
    return out


def run_once(argv, cwd):
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    text = out.decode("utf-8", "replace")
    m = re.search(r"fit_seconds:\s*([0-9.eE+-]+)", text)
    ops = {k: float(v) for k, v in re.findall(r"^op_seconds:\s*(\S+)\s+([0-9.eE+-]+)", text, re.M)}
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rc": os.waitstatus_to_exitcode(status),
            "fit": float(m.group(1)) if m else None, "out": text, "rss": ru.ru_maxrss / 1024.0, "ops": ops}


def has_statsmodels():
    py = shutil.which("python3")
    ok = py and subprocess.run([py, "-c", "import statsmodels, pandas"], capture_output=True).returncode == 0
    script = os.path.join(KIT, "workloads", "lm_statsmodels.py")
    return [py, script] if ok and os.path.exists(script) else None


def has_data_table(rscript):
    p = subprocess.run([rscript, "--vanilla", "-e", "quit(status = !requireNamespace('data.table', quietly = TRUE))"],
                       capture_output=True)
    return p.returncode == 0


def stream_table(rsc, runs):
    """rsc-only streaming workloads: medians of wall time and peak RSS, rows per second."""
    folder = os.path.join(ROOT, "bench", "stream")
    lines = ["| workload | rows | wall s | lm s | summary s | rows/s (lm) | peak MB |", "|---|---|---|---|---|---|---|"]
    checks = []
    for f in sorted(os.listdir(folder)):
        if not f.endswith(".R"):
            continue
        name = f[:-2]
        need = re.findall(r"data/reg_[0-9e]+\.csv", open(os.path.join(folder, f)).read())
        if any(not os.path.exists(os.path.join(KIT, d)) for d in need):
            print(f"skip {name}: data missing in {KIT}/data", file=sys.stderr)
            continue
        n = 1 if name.endswith("1e8") or name.startswith("check") else runs
        res = [run_once([rsc, os.path.join(folder, f)], KIT) for _ in range(n)]
        for x in res:
            if x["rc"] != 0:
                print(f"  {name}: exit {x['rc']}\n{x['out'][-2000:]}", file=sys.stderr)
        print(f"  {name}: {n} run(s)", file=sys.stderr)
        out = res[-1]["out"]
        if name.startswith("check"):
            checks.append("; ".join(f"{k} {v}" for k, v in re.findall(r"(max_rel_diff_\w+):\s*(\S+)", out)))
            continue
        grab = lambda key, x: float(re.search(key + r":\s*([0-9.eE+-]+)", x["out"]).group(1)) if re.search(key + ":", x["out"]) else None
        rows = grab("rows", res[-1]) or 0
        fit = st.median(grab("fit_seconds", x) or 0 for x in res)
        summ = st.median(grab("summary_seconds", x) or 0 for x in res)
        lines.append(f"| {name} | {rows:.0f} | {st.median(x['wall'] for x in res):.2f} | {fit:.2f} | {summ:.2f} | "
                     f"{rows / fit if fit else 0:,.0f} | {st.median(x['rss'] for x in res):.0f} |")
    return "\n".join(lines) + ("\n\nStreamed vs in-memory fit on reg_1e7.csv: " + "; ".join(checks) if checks else "")


def machine():
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = f"{kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    rver = subprocess.run(["Rscript", "--version"], capture_output=True, text=True)
    rver = (rver.stdout + rver.stderr).strip().splitlines()[0] if rver.returncode == 0 else "R ?"
    rev = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{cpu}, {os.cpu_count()} cores, {mem}; {platform.system()} {platform.release()}; {rver}; "
            f"rsc {rev}, RSC_THREADS={os.environ.get('RSC_THREADS', 'all cores')}; load average at start {load:.1f}")


def fmt(x):
    return "" if x is None else f"{x:.3f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--runs", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--only", default="")
    ap.add_argument("--write", action="store_true", help="rewrite the results section of BENCHMARKS.md")
    ap.add_argument("--settle", type=float, default=3.0,
                    help=f"seconds to wait after a run that held more than {BIG_MB} MB (default 3)")
    ap.add_argument("--no-stream", action="store_true", help="skip the rsc-only streaming table")
    ap.add_argument("--slow-r", action="store_true", help="also run plain R (read.csv) on the 1e7-row workload (about 10 min a run)")
    ap.add_argument("--engines", default="R,R+fread,statsmodels,rsc",
                    help="comma-separated subset of R,R+fread,statsmodels,rsc (rsc always runs)")
    a = ap.parse_args()
    rsc = rsc_binary()
    rscript = shutil.which("Rscript")
    if not rscript:
        sys.exit("Rscript not found")
    wl = workloads()
    if a.only:
        keep = a.only.split(",")
        wl = [w for w in wl if w[0] in keep]
    info = machine()
    print(f"# {info}", file=sys.stderr)
    fread = has_data_table(rscript)
    sm = has_statsmodels()
    rows = []
    op_tables = []  # (workload, {op: (R median, rsc median, paired ratio)})
    for name, path, cwd in wl:
        engines = {"R": [rscript, "--vanilla", path], "rsc": [rsc, path]}
        if fread and "read.csv" in open(path).read() and os.path.exists(os.path.join(KIT, "workloads", "shim_fread.R")):
            engines["R+fread"] = [rscript, "--vanilla", os.path.join(KIT, "workloads", "shim_fread.R"), path]
        m = re.fullmatch(r"lm_(1e\d)", name)
        if sm and m and cwd == KIT:
            engines["statsmodels"] = sm + [m.group(1)]
        engines = {e: v for e, v in engines.items() if e == "rsc" or e in a.engines.split(",")}
        if name.endswith("1e7") and "read.csv" in open(path).read() and not a.slow_r:
            engines.pop("R", None)
        res = {e: [] for e in engines}
        for r in range(a.warmup + a.runs):
            for e, argv in engines.items():
                x = run_once(argv, cwd)
                if x["rc"] != 0:
                    print(f"  {name} {e}: exit {x['rc']}\n{x['out'][-2000:]}", file=sys.stderr)
                print(f"  {name} {e}: {x['wall']:.3f} s, {x['rss']:.0f} MB", file=sys.stderr)
                if x["rss"] > BIG_MB:
                    time.sleep(a.settle)
                if r >= a.warmup:
                    res[e].append(x)
            print(f"  {name}: round {r + 1}/{a.warmup + a.runs}", file=sys.stderr)
        R, S, F, M = res.get("R"), res["rsc"], res.get("R+fread"), res.get("statsmodels")
        same = None
        if R and R[-1]["rc"] == 0 and S[-1]["rc"] == 0:
            same = TIMING.sub("", R[-1]["out"]) == TIMING.sub("", S[-1]["out"])
            if not same:
                print(f"  {name}: rsc's output differs from R's", file=sys.stderr)
        if R and S[-1]["ops"]:
            ops = {}
            for k in S[-1]["ops"]:
                pairs = [(r["ops"].get(k), s_["ops"].get(k)) for s_, r in zip(S, R)]
                pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
                if pairs:
                    ops[k] = (st.median(a for a, _ in pairs), st.median(b for _, b in pairs),
                              st.median(a / max(b, 5e-4) for a, b in pairs))
            op_tables.append((name, ops))
        med = lambda xs, k: st.median(x[k] for x in xs) if xs else None
        ratio = st.median(r["wall"] / s["wall"] for s, r in zip(S, R)) if R else None
        fits = [(s["fit"], r["fit"]) for s, r in zip(S, R or []) if s["fit"] is not None and r["fit"] is not None]
        rows.append({
            "label": LABELS.get(name, name),
            "R": med(R, "wall"), "rsc": med(S, "wall"),
            "ratio": ratio,
            "F": st.median(x["wall"] for x in F) if F else None,
            "fratio": st.median(f["wall"] / s["wall"] for s, f in zip(S, F)) if F else None,
            "Rrss": med(R, "rss"), "rscrss": med(S, "rss"),
            "Frss": st.median(x["rss"] for x in F) if F else None,
            "M": med(M, "wall"), "Mrss": med(M, "rss"),
            "mratio": st.median(m["wall"] / s["wall"] for s, m in zip(S, M)) if M else None,
            "Rfit": st.median(f[1] for f in fits) if fits else None,
            "rscfit": st.median(f[0] for f in fits) if fits else None,
            "fitratio": st.median(f[1] / f[0] for f in fits) if fits else None,
            "Rcpu": med(R, "cpu"), "rsccpu": med(S, "cpu"),
            "ok": all(x["rc"] == 0 for x in (R or []) + S + (F or []) + (M or [])) and same is not False,
        })
    lines = [
        "| workload | R wall s | R+fread wall s | statsmodels wall s | rsc wall s | R / rsc | R+fread / rsc "
        "| statsmodels / rsc | R MB | R+fread MB | statsmodels MB | rsc MB | R fit s | rsc fit s | fit R / rsc "
        "| R cpu s | rsc cpu s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        bad = "" if r["ok"] else " (FAILED)"
        f2 = lambda x: "" if x is None else f"{x:.2f}"
        f0 = lambda x: "" if x is None else f"{x:.0f}"
        lines.append(f"| {r['label']}{bad} | {fmt(r['R'])} | {fmt(r['F'])} | {fmt(r['M'])} | {r['rsc']:.3f} | "
                     f"{f2(r['ratio'])} | {f2(r['fratio'])} | {f2(r['mratio'])} | {f0(r['Rrss'])} | {f0(r['Frss'])} | "
                     f"{f0(r['Mrss'])} | {r['rscrss']:.0f} | "
                     f"{fmt(r['Rfit'])} | {fmt(r['rscfit'])} | {f2(r['fitratio'])} | "
                     f"{fmt(r['Rcpu'])} | {fmt(r['rsccpu'])} |")
    if op_tables:
        names = [n for n, _ in op_tables]
        lines += ["", "Per operation (seconds in process, medians; R / rsc above 1 when rsc is faster):", "",
                  "| operation | " + " | ".join(f"R {n} | rsc {n} | R / rsc" for n in names) + " |",
                  "|---|" + "---|---|---|" * len(names)]
        allops = list(dict.fromkeys(k for _, ops in op_tables for k in ops))
        for k in allops:
            cells = []
            for _, ops in op_tables:
                r = ops.get(k)
                cells.append(f"{r[0]:.3f} | {r[1]:.3f} | {r[2]:.1f}" if r else " | | ")
            lines.append(f"| {k} | " + " | ".join(cells) + " |")
    stamp = dt.date.today().isoformat()
    table = "\n".join(lines)
    if not a.no_stream:
        table += "\n\nStreaming (rsc only, `bench/stream/`; 1e8 and the check run once):\n\n" + stream_table(rsc, a.runs)
    section = (f"Measured {stamp} with `python3 bench/run.py -n {a.runs}` (medians of {a.runs} runs after "
               f"{a.warmup} warm-up; ratios are paired medians, above 1 when rsc is faster; MB is peak RSS; \"fit\" "
               f"columns are the in-process time of the fit and summary alone, printed by the script).\n\nMachine: {info}.\n\n{table}\n")
    print(section)
    if a.write:
        path = os.path.join(ROOT, "BENCHMARKS.md")
        text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
        begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
        block = f"{begin}\n{section}{end}"
        if begin in text and end in text:
            text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
        with open(path, "w") as f:
            f.write(text)
        print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
