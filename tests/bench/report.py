#!/usr/bin/env python3
"""Reads the Google Benchmark JSON files scripts/bench wrote (one per bench_* program) and writes
results.md and results.json beside them: every figure with the baseline measured in the same run,
their ratio, and the issue's target where there is one.

usage: report.py BENCH_OUTPUT_DIR
"""
import datetime
import glob
import json
import os
import re
import sys


def load(out_dir):
    runs, context = {}, {}
    for path in sorted(glob.glob(os.path.join(out_dir, "bench_*.json"))):
        with open(path) as f:
            doc = json.load(f)
        context = context or doc.get("context", {})
        for b in doc.get("benchmarks", []):
            runs[b["name"]] = b
    return runs, context


def find(runs, pattern):
    for name, b in runs.items():
        if re.match(pattern, name):
            return b
    return None


def row(rows, figure, value, unit, baseline_name, baseline, target=None, met=None, lower_is_better=True):
    ratio = None
    if value is not None and baseline not in (None, 0):
        ratio = value / baseline
    rows.append({"figure": figure, "value": value, "unit": unit, "baseline": baseline_name,
                 "baseline_value": baseline, "ratio": ratio, "target": target, "met": met,
                 "lower_is_better": lower_is_better})


def counter(b, key):
    return None if b is None or key not in b else float(b[key])


def build_rows(runs):
    rows = []
    msg = find(runs, r"BM_MessageEvaluate/")
    msg_base = find(runs, r"BM_MessageRe2SetBaseline/")
    p50, p99 = counter(msg, "p50_us"), counter(msg, "p99_us")
    b50, b99 = counter(msg_base, "p50_us"), counter(msg_base, "p99_us")
    row(rows, "message, default pack, C ABI: p50", p50, "us", "one RE2::Set pass, p50", b50,
        "<= 5 us, <= 5x baseline",
        None if p50 is None or b50 is None else (p50 <= 5 and p50 / b50 <= 5))
    row(rows, "message, default pack, C ABI: p99", p99, "us", "one RE2::Set pass, p99", b99,
        "<= 25 us", None if p99 is None else p99 <= 25)

    flagged = counter(msg, "flagged_pct")
    if flagged is not None:
        row(rows, "share of those messages flagged (and logged)", flagged, "%", "", None)
    plain = find(runs, r"BM_MessageEvaluateUnflagged/")
    for q in ("p50", "p99"):
        row(rows, f"message with nothing to flag, C ABI, audit on: {q}", counter(plain, f"{q}_us"),
            "us", f"one RE2::Set pass, {q}", counter(msg_base, f"{q}_us"))

    det = find(runs, r"BM_MessageDetectionNoAudit/")
    norm = find(runs, r"BM_MessageNormalizeBaseline/")
    for q in ("p50", "p99"):
        row(rows, f"message, detectors + rules, no audit log: {q}", counter(det, f"{q}_us"), "us",
            f"text normalisation alone, {q}", counter(norm, f"{q}_us"))
    models = find(runs, r"BM_MessageTextModels/")
    for q in ("p50", "p99"):
        row(rows, f"message, the five text models on normalized text: {q}",
            counter(models, f"{q}_us"), "us", f"text normalisation alone, {q}",
            counter(norm, f"{q}_us"))

    for kind, name in enumerate(["appointment", "social", "payment"]):
        e = find(runs, rf"BM_EventType/{kind}/")
        base = find(runs, rf"BM_EventTypeParseBaseline/{kind}/")
        for q in ("p50", "p99"):
            row(rows, f"{name}, C ABI: {q}", counter(e, f"{q}_us"), "us",
                f"nlohmann parse of the line, {q}", counter(base, f"{q}_us"))

    default = find(runs, r"BM_RuleScaling/0/")
    for rules in (10, 100, 1000):
        r = find(runs, rf"BM_RuleScaling/{rules}/")
        for q in ("p50", "p99"):
            v, b = counter(r, f"{q}_us"), counter(default, f"{q}_us")
            target = met = None
            if rules == 1000 and q == "p50":
                target = "<= 3x default pack"
                met = None if v is None or b is None else v / b <= 3
            row(rows, f"default pack + {rules} rules: {q}", v, "us", f"default pack, {q}", b,
                target, met)

    load0 = find(runs, r"BM_PolicyLoad/0/")
    for rules in (10, 100, 1000):
        r = find(runs, rf"BM_PolicyLoad/{rules}/")
        row(rows, f"policy load, default pack + {rules} rules: p50", counter(r, "p50_us"), "us",
            "default pack load, p50", counter(load0, "p50_us"))

    for length in (50, 256, 1024, 4096, 16384, 65536):
        t = find(runs, rf"BM_TextLength/{length}/")
        base = find(runs, rf"BM_TextLengthRe2SetBaseline/{length}/")
        row(rows, f"text of {length} B: p50", counter(t, "p50_us"), "us",
            f"RE2::Set pass over {length} B, p50", counter(base, "p50_us"))

    one = find(runs, r"BM_Threads/.*threads:1$")
    for threads in (1, 2, 4, 8):
        t = find(runs, rf"BM_Threads/.*threads:{threads}$")
        row(rows, f"{threads} thread(s): events/s", counter(t, "items_per_second"), "events/s",
            "1 thread, events/s", counter(one, "items_per_second"), lower_is_better=False)

    rss = find(runs, r"BM_Rss/")
    if rss is not None:
        events = counter(rss, "events")
        opened, end = counter(rss, "rss_open_mib"), counter(rss, "rss_end_mib")
        growth = counter(rss, "growth_second_half_mib")
        peak = counter(rss, "rss_peak_mib")
        row(rows, "RSS, engine open (default pack, audit on)", opened, "MiB",
            "plugin loaded, no engine", counter(rss, "rss_loaded_mib"), "<= 64 MB",
            None if opened is None else opened * 1.048576 <= 64)
        row(rows, f"RSS after {events:,.0f} events (peak {peak:.1f} MiB)", end, "MiB",
            "engine open", opened, "<= 64 MB",
            None if peak is None else peak * 1.048576 <= 64)
        row(rows, "RSS growth over the second half of the stream", growth, "MiB", "", None,
            "flat (< 2 MiB)", None if growth is None else growth < 2)

    for threads in (1, 4):
        raw = find(runs, rf"BM_RawSqliteBaseline/.*threads:{threads}$")
        for mode, arg in (("journal (default)", 0), ("durable", 1)):
            store = find(runs, rf"BM_AuditStore/durable:{arg}/.*threads:{threads}$")
            row(rows, f"audit log, {mode}, {threads} thread(s): findings/s",
                counter(store, "items_per_second"), "findings/s",
                "raw SQLite, prepared inserts in batched transactions, findings/s",
                counter(raw, "items_per_second"), lower_is_better=False)

    replay = find(runs, r"BM_ReplayBoundaryctl/")
    parse = find(runs, r"BM_ReplayParseBaseline/")
    v = counter(replay, "events_per_s")
    events = counter(replay, "events")
    row(rows, f"boundaryctl replay, {events or 0:,.0f} events: events/s", v, "events/s",
        "nlohmann parse of the same file, events/s", counter(parse, "events_per_s"),
        ">= 150,000 events/s", None if v is None else v >= 150000, lower_is_better=False)
    return rows


def fmt(x):
    if x is None:
        return "-"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def markdown(rows, context):
    out = ["# Boundary Guard benchmarks", "",
           f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, "
           f"{context.get('host_name', '?')}: {context.get('num_cpus', '?')} CPUs at "
           f"{context.get('mhz_per_cpu', '?')} MHz, load average "
           f"{', '.join(f'{x:.2f}' for x in context.get('load_avg', []))}, "
           f"plugin built with the release preset (Google Benchmark's own library: "
           f"{context.get('library_build_type', '?')} build).", "",
           "| figure | value | baseline (same run) | baseline value | ratio | target | met |",
           "|---|---:|---|---:|---:|---|---|"]
    for r in rows:
        unit = f" {r['unit']}"
        met = {None: "", True: "yes", False: "**no**"}[r["met"]]
        out.append(f"| {r['figure']} | {fmt(r['value'])}{unit if r['value'] is not None else ''} "
                   f"| {r['baseline']} | {fmt(r['baseline_value'])} | "
                   f"{'' if r['ratio'] is None else fmt(r['ratio']) + 'x'} | {r['target'] or ''} | {met} |")
    return "\n".join(out) + "\n"


def main():
    out_dir = sys.argv[1]
    runs, context = load(out_dir)
    rows = build_rows(runs)
    with open(os.path.join(out_dir, "results.md"), "w") as f:
        f.write(markdown(rows, context))
    with open(os.path.join(out_dir, "results.json"), "w") as f:
        json.dump({"context": context, "rows": rows}, f, indent=2)
    missed = [r["figure"] for r in rows if r["met"] is False]
    print(markdown(rows, context))
    if missed:
        print("targets missed: " + "; ".join(missed))


if __name__ == "__main__":
    main()
