"""Tests of the distributed ingest job on a real cluster (started by ./test; spark/cluster).

    test_ingest.py --master URL --cluster-state DIR --budgetql PATH --corpus DIR

1. Ingest the corpus (but the second copy of the disclosure it holds twice, a PDF and its text
   extraction) plus a broken file while one of the two workers is killed mid-job: the job
   completes (Spark runs the lost tasks again), names the broken file, and exits 1.
2. Re-running with every file ingests nothing again (each is skipped by its content) but the
   second copy, which only adds its docs row naming the kept one (duplicate_of), as a local load
   counts it once; the broken file is tried (and reported) again.
3. The warehouse holds exactly the tables of a local load of the same files (`budgetql export`):
   the same tables, columns, types and scales, and the same rows (as multisets).
Prints "N passed, M failed" last.
"""
import argparse
from collections import Counter
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import warehouse  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
passed, failed = 0, 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok: {what}")
    else:
        failed += 1
        print(f"FAIL: {what}")


def run_ingest(args, target, files, kill_worker=None):
    """Runs the job; with kill_worker, kills that worker as soon as the job has tasks running
    and files left. Returns (exit status, stderr lines, whether and when the kill happened)."""
    command = [sys.executable, os.path.join(here, "ingest.py"), "--master", args.master, "--warehouse", target,
               "--budgetql", args.budgetql] + files
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    lines, killed = [], None
    deadline = time.time() + 600
    for line in process.stderr:
        line = line.rstrip("\n")
        if line.startswith("ingest:"):
            lines.append(line)
            print("  " + line)
        m = re.match(r"ingest: (\d+)/(\d+) files done, (\d+) running", line)
        if kill_worker and killed is None and m and int(m.group(3)) > 0 and int(m.group(1)) < int(m.group(2)):
            subprocess.run([os.path.join(here, "cluster"), "kill-worker", args.cluster_state, str(kill_worker)], check=False)
            killed = line
            print(f"  (killed worker {kill_worker} at: {line})")
        if time.time() > deadline:
            process.kill()
            break
    return process.wait(), lines, killed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--master", required=True)
    parser.add_argument("--cluster-state", required=True)
    parser.add_argument("--budgetql", required=True)
    parser.add_argument("--corpus", required=True)
    args = parser.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    work = tempfile.mkdtemp(prefix="budgetql-ingest-test-")
    try:
        disclosures = sorted(os.path.join(args.corpus, f) for f in os.listdir(args.corpus)
                             if f.endswith(".pdf") or f.endswith(".txt"))
        broken = os.path.join(work, "broken-2024-budget.pdf")
        with open(broken, "wb") as f:
            f.write(b"%PDF-1.4\nnot really a pdf\n")
        files = disclosures + [broken]

        pairs = {}
        for f in disclosures:
            pairs.setdefault(os.path.basename(f).split(".")[0], []).append(f)
        twice = next((fs for fs in pairs.values() if len(fs) == 2), None)
        check(twice is not None, "the corpus holds a disclosure twice (a PDF and its text)")
        second_copy = twice[1] if twice else None
        first_run = [f for f in disclosures if f != second_copy]

        # 1. distributed, losing a worker on the way
        target = os.path.join(work, "warehouse")
        status, lines, killed = run_ingest(args, target, first_run + [broken], kill_worker=2)
        check(killed is not None, "a worker was killed while the job had files left")
        check(status == 1, f"the job ended (exit 1: a file failed), got exit {status}")
        check(any(l.startswith(f"ingest: FAILED {broken}") for l in lines), "the broken file is reported by name")
        check(any(f"{len(first_run)} added" in l for l in lines), f"all {len(first_run)} disclosures were ingested")

        # 2. nothing twice (run before the comparison's own session, which would hold the cores)
        before = {t["name"]: t["rows"] for t in warehouse.read_schema(target)["tables"]}
        status, lines, _ = run_ingest(args, target, files)
        check(any(f"{len(first_run)} already ingested, 2 to ingest" in l for l in lines), "a re-run skips every ingested file")
        check(status == 1 and any(l.startswith(f"ingest: FAILED {broken}") for l in lines), "the broken file is tried and reported again")
        check(any(l.startswith(f"ingest: {second_copy} repeats ") and "counted once" in l for l in lines),
              "the second copy of a disclosure in the warehouse is reported as counted once")
        after = {t["name"]: t["rows"] for t in warehouse.read_schema(target)["tables"]}
        check(after == {**before, "docs": before.get("docs", 0) + 1},
              f"the re-run added only the second copy's docs row (rows before {before}, after {after})")

        # 3. the same tables as a local load of the same files
        local = os.path.join(work, "local")
        data = [w for f in disclosures for w in ("--data", f)]
        subprocess.run([args.budgetql, "export"] + data + ["--out", local], check=True, stderr=subprocess.DEVNULL)
        spark = warehouse.session(args.master, "budgetql-ingest-test")
        spark.sparkContext.setLogLevel("ERROR")
        compare(spark, local, target)
        spark.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def compare(spark, local, target):
    ls, ws = warehouse.read_schema(local), warehouse.read_schema(target)
    wtables = {t["name"]: t for t in ws["tables"]}
    check(sorted(wtables) == sorted(t["name"] for t in ls["tables"]), "the warehouse has the local load's tables")
    pairs = [(t, wtables[t["name"]]) for t in ls["tables"] if t["name"] in wtables]
    # Every table's rows as JSON text, at the warehouse's types, in one union per side: two
    # Spark jobs in all instead of two per table.
    sides = []
    for directory, schema, pick in ((local, ls, 0), (target, ws, 1)):
        frames = []
        for pair in pairs:
            t, w = pair[pick], pair[1]
            frame = warehouse.read_table(spark, directory, t, schema.get("null", "\\N"))
            cast = [f"CAST({warehouse.quote(c['name'])} AS {w['columns'][i]['type']}) AS {warehouse.quote(c['name'])}"
                    for i, c in enumerate(t["columns"]) if i < len(w["columns"])]
            frames.append(frame.selectExpr(*cast).selectExpr(f"'{t['name']}' AS t", "to_json(struct(*)) AS j"))
        union = frames[0]
        for f in frames[1:]:
            union = union.unionAll(f)
        rows = {}
        for r in union.collect():
            rows.setdefault(r["t"], Counter())[r["j"]] += 1
        sides.append(rows)
    for t, w in pairs:
        names_ok = [c["name"] for c in t["columns"]] == [c["name"] for c in w["columns"]]
        types_ok = all(scale(a["type"]) == scale(b["type"]) for a, b in zip(t["columns"], w["columns"]))
        ra, rb = sides[0].get(t["name"], Counter()), sides[1].get(t["name"], Counter())
        missing, extra = sum((ra - rb).values()), sum((rb - ra).values())
        check(names_ok and types_ok and missing == 0 and extra == 0 and t["rows"] == w["rows"] == sum(ra.values()),
              f"{t['name']}: {t['rows']} local rows, {w['rows']} in the warehouse, {missing} missing, {extra} extra, "
              f"columns {'same' if names_ok else 'differ'}, types {'same' if types_ok else 'differ'}")


def scale(t):
    """BIGINT, STRING, BOOLEAN, or the scale of a DECIMAL (its precision is the warehouse's own)."""
    return ("DECIMAL", int(t[t.index(",") + 1:-1])) if t.upper().startswith("DECIMAL(") else t.upper()


if __name__ == "__main__":
    sys.exit(main())
