"""Distributed ingest: disclosure files -> a Parquet warehouse, on a Spark cluster.

    ingest.py --master spark://127.0.0.1:7077 --warehouse DIR --budgetql PATH FILE_OR_DIR...

The files are spread over the executors in tasks of a few files (--batch, at most 20; fewer
when that leaves a core without four tasks); each task runs BudgetQL's own ingest on each file
(`budgetql export --data FILE`, the binary at --budgetql, which every executor must be able to
run: a shared path, or the same path on every machine) into a staging folder beside the
warehouse. The driver then reads the staged tables with their exact schemas and appends them to
`DIR/<table>/` as Parquet, partitioned by year and stage where the table has them, and updates
`DIR/schema.json`, which the query engine (--engine spark) reads.

- A file already ingested (same content, by SHA-256, recorded in DIR/ingested.json) is skipped,
  so re-running with more files adds only the new ones.
- A file that fails (cannot be read, not a disclosure, budgetql fails) is reported with its name
  and the job goes on; the exit status is 1 when any file failed.
- A lost executor or worker only costs retries: Spark runs its tasks again elsewhere.
- Progress (files done of the total) goes to stderr while it runs.
- A disclosure ingested twice (two copies, or a PDF and a text extraction of it) counts once, as
  in a local load (Sources/Ingest/DuplicateDisclosures.swift, whose rule `duplicate_of` follows):
  the first kept, the other only a `docs` row naming it in `duplicate_of`.

Reference tables (no `doc` column, e.g. `classes`) are the same in every export: the first one
is kept. Decimal columns take the largest scale any file needs, as one local load of all the
files would.
"""
import argparse
import concurrent.futures
import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import warehouse  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402

MANIFEST = "ingested.json"


def is_disclosure_name(name):
    """What a folder holds besides disclosures, skipped as `budgetql --data FOLDER` skips it
    (SnapshotLoader.isReferenceFile / isUserTable): notes and reference files, analysts' CSVs."""
    lower = name.lower()
    if name.startswith(".") or lower.endswith(".md") or lower.endswith(".csv"):
        return False
    if lower.startswith(("classes", "classification", "readme", "notice", "source")) or "reference" in lower:
        return False
    return True


def files_of(paths):
    found = []
    for path in paths:
        if os.path.isdir(path):
            for root, _, names in os.walk(path):
                found += [os.path.join(root, n) for n in sorted(names) if is_disclosure_name(n)]
        elif os.path.isfile(path):
            found.append(path)
        else:
            raise SystemExit(f"ingest: no such file or directory: {path}")
    return sorted(os.path.abspath(f) for f in found)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def ingest_one(item, budgetql, staging, timeout):
    """Runs on an executor: BudgetQL's ingest of one file into staging/<sha>/. Returns
    (file, sha, error or None)."""
    path, digest = item
    out = os.path.join(staging, digest)
    if os.path.exists(out):  # a retried task: start clean
        shutil.rmtree(out, ignore_errors=True)
    try:
        done = subprocess.run([budgetql, "export", "--data", path, "--out", out],
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return (path, digest, f"budgetql took more than {timeout} s")
    except OSError as e:
        return (path, digest, f"cannot run {budgetql}: {e}")
    if done.returncode != 0:
        return (path, digest, (done.stderr.strip() or f"budgetql exited {done.returncode}").splitlines()[-1])
    with open(os.path.join(out, "schema.json"), encoding="utf-8") as f:
        schema = json.load(f)  # (executors have no `warehouse` module to import)
    if schema.get("problems"):
        # Each problem already names the file; say it once.
        messages = [p[p.rindex(path + ": ") + len(path) + 2:] if (path + ": ") in p else p for p in schema["problems"]]
        return (path, digest, "; ".join(messages))
    return (path, digest, None)


class Progress(threading.Thread):
    """Prints files done / total while the job's stage runs (by its tasks of `batch` files)."""

    def __init__(self, spark, total, batch):
        super().__init__(daemon=True)
        self.tracker, self.total, self.batch, self.stop = spark.sparkContext.statusTracker(), total, batch, threading.Event()

    def run(self):
        last = None
        while not self.stop.wait(2):
            done = running = 0
            for stage in self.tracker.getActiveStageIds():
                info = self.tracker.getStageInfo(stage)
                if info:
                    done, running = min(self.total, info.numCompletedTasks * self.batch), info.numActiveTasks
            line = f"ingest: {done}/{self.total} files done, {running} running"
            if line != last:
                print(line, file=sys.stderr, flush=True)
                last = line


def widest(types):
    """The column type all files fit: the largest decimal scale (and 38 digits)."""
    decimals = [t for t in types if t.upper().startswith("DECIMAL(")]
    if not decimals:
        return types[0]
    scale = max(int(t[t.index(",") + 1:-1]) for t in decimals)
    return f"DECIMAL(38,{scale})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--master", required=True)
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--budgetql", required=True, help="the budgetql binary, on a path every executor can run")
    parser.add_argument("--timeout", type=int, default=600, help="seconds one file may take")
    parser.add_argument("--batch", type=int, default=20, help="at most this many files per task")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()

    budgetql = os.path.abspath(args.budgetql)
    # Executors run this job's Python functions with the same interpreter (the venv's).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    root = os.path.abspath(args.warehouse)
    os.makedirs(root, exist_ok=True)
    manifest_path = os.path.join(root, MANIFEST)
    manifest = {}
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)

    files = files_of(args.paths)
    todo, skipped, seen = [], 0, set()
    for path in files:
        digest = sha256(path)
        if digest in manifest or digest in seen:
            skipped += 1
            print(f"ingest: skipped {path} (already ingested as {manifest.get(digest, {}).get('file', path)})", file=sys.stderr)
            continue
        seen.add(digest)
        todo.append((path, digest))
    print(f"ingest: {len(files)} files, {skipped} already ingested, {len(todo)} to ingest", file=sys.stderr, flush=True)
    if not todo:
        return 0

    spark = warehouse.session(args.master, "budgetql-ingest", executor_memory=os.environ.get("BUDGETQL_SPARK_EXECUTOR_MEMORY", "512m"))
    spark.sparkContext.setLogLevel("ERROR")
    staging = os.path.join(root, "_staging", uuid.uuid4().hex)
    os.makedirs(staging)
    # A task costs a fixed part (scheduling, a Python worker) that one task per file paid 8,000
    # times for the corpus x 1,000: files go in batches, small enough that every executor core
    # has about four tasks (so the work spreads, and a lost executor costs little to redo).
    batch = max(1, min(args.batch, -(-len(todo) // (4 * spark.sparkContext.defaultParallelism))))
    batches = [todo[i:i + batch] for i in range(0, len(todo), batch)]
    progress = Progress(spark, len(todo), batch)
    progress.start()
    started = time.time()
    try:
        timeout = args.timeout
        results = (spark.sparkContext.parallelize(batches, numSlices=len(batches))
                   .flatMap(lambda files: [ingest_one(item, budgetql, staging, timeout) for item in files]).collect())
    finally:
        progress.stop.set()
    failed = [(f, e) for f, _, e in results if e]
    good = [(f, d) for f, d, e in results if not e]
    for f, e in failed:
        print(f"ingest: FAILED {f}: {e}", file=sys.stderr)
    print(f"ingest: {len(good)} files ingested, {len(failed)} failed in {time.time() - started:.1f} s; writing the warehouse",
          file=sys.stderr, flush=True)

    if good:
        writing = time.time()
        exports = [os.path.join(staging, d) for _, d in good]
        duplicates = find_duplicates(spark, root, exports)
        for e, kept in duplicates.items():
            print(f"ingest: {next(f for f, d in good if os.path.join(staging, d) == e)} repeats {kept}: counted once", file=sys.stderr)
        write_tables(spark, root, exports, duplicates)
        for f, d in good:
            manifest[d] = {"file": f, "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        with open(manifest_path + ".tmp", "w", encoding="utf-8") as out:
            json.dump(manifest, out, ensure_ascii=False, indent=1, sort_keys=True)
        os.replace(manifest_path + ".tmp", manifest_path)
        print(f"ingest: warehouse written in {time.time() - writing:.1f} s", file=sys.stderr)
    shutil.rmtree(os.path.join(root, "_staging"), ignore_errors=True)
    spark.stop()
    print(f"ingest: done: {len(good)} added, {skipped} skipped, {len(failed)} failed", file=sys.stderr)
    return 1 if failed else 0


# DuplicateDisclosures.agreement: the share of coded figures two loads of one disclosure share.
AGREEMENT = 0.9


def find_duplicates(spark, root, exports):
    """The staged exports that repeat a disclosure already in the warehouse or staged before them,
    as {export: the kept doc id}: the same unit, year, stage and scope, and at least AGREEMENT of
    their coded figures in common (DuplicateDisclosures.original, in load order)."""
    kept = []  # (identity, figures, doc)
    staged = []
    for e in exports:
        docs = read_csv(os.path.join(e, "docs.csv"))
        if len(docs) != 1:
            staged.append((e, None, None, None))
            continue
        identity = "|".join(docs[0].get(k) or "" for k in ("unit", "year", "stage", "scope"))
        staged.append((e, identity, figures(read_csv(os.path.join(e, "facts.csv"))), docs[0]))
    # Documents already in the warehouse come first; only those of a staged identity are read.
    wanted = {i for _, i, _, d in staged if i and d.get("unit")}
    if wanted and os.path.isdir(os.path.join(root, "docs")) and os.path.isdir(os.path.join(root, "facts")):
        schema = {t["name"]: t for t in warehouse.read_schema(root)["tables"]}
        old_docs = warehouse.read_table(spark, root, schema["docs"]).where("duplicate_of IS NULL").collect()
        ids = [r["doc"] for r in old_docs
               if "|".join("" if r[k] is None else str(r[k]) for k in ("unit", "year", "stage", "scope")) in wanted]
        if ids:
            facts = warehouse.read_table(spark, root, schema["facts"]).where(
                "doc IN (" + ", ".join("'" + i.replace("\\", "\\\\").replace("'", "\\'") + "'" for i in ids) + ")").collect()
            for r in old_docs:
                if r["doc"] in ids:
                    rows = [{k: (None if v is None else str(v)) for k, v in f.asDict().items()} for f in facts if f["doc"] == r["doc"]]
                    identity = "|".join("" if r[k] is None else str(r[k]) for k in ("unit", "year", "stage", "scope"))
                    kept.append((identity, figures(rows), r["doc"]))
    duplicates = {}
    for e, identity, figs, doc in staged:
        if identity is None:
            continue
        if doc.get("unit") and len(figs) >= 10:
            match = next((k for k in kept if k[0] == identity
                          and len(k[1] & figs) / max(len(k[1]), len(figs)) >= AGREEMENT), None)
            if match:
                duplicates[e] = match[2]
                continue
        kept.append((identity, figs, doc.get("doc") or ""))
    return duplicates


def read_csv(path):
    """An export's CSV as dicts; NULL (written \\N) as None."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return [{k: (None if v == "\\N" else v) for k, v in row.items()} for row in csv.DictReader(f)]


def figures(facts):
    """DuplicateDisclosures.figures: table|code (or econ_code)|column|amount without trailing zeros."""
    out = set()
    for r in facts:
        code = r.get("code") if r.get("code") is not None else r.get("econ_code")
        amount = r.get("amount")
        if code is None or amount is None:
            continue
        if "." in amount:
            amount = amount.rstrip("0").rstrip(".")
        out.add(f"{r.get('table')}|{code}|{r.get('column')}|{amount}")
    return out


def write_tables(spark, root, exports, duplicates=None):
    """Appends the staged exports to the warehouse's Parquet tables and rewrites schema.json; of
    an export in `duplicates` only its docs row, naming the document it repeats.

    Each table is read from all its staged files in one read (one job, not one per file): with
    thousands of files a union of per-file frames is a plan Spark takes minutes to analyse."""
    duplicates = duplicates or {}
    old = warehouse.read_schema(root)["tables"] if os.path.exists(os.path.join(root, "schema.json")) else []
    old_by_name = {t["name"]: t for t in old}
    staged = [warehouse.read_schema(e) for e in exports]
    order = [t["name"] for t in old] + [t["name"] for s in staged for t in s["tables"]]
    names = list(dict.fromkeys(order))
    # Which kept document each duplicate export's docs row names, by the export's folder name.
    repeats = spark.createDataFrame([(os.path.basename(e), kept) for e, kept in duplicates.items()],
                                    "export STRING, repeats STRING") if duplicates else None

    def write_one(name):
        parts = [(e, t) for e, s in zip(exports, staged) for t in s["tables"]
                 if t["name"] == name and (name == "docs" or e not in duplicates)]
        if not parts:
            return old_by_name.get(name)
        previous = old_by_name.get(name)
        template = previous or parts[0][1]
        columns = []
        for c in template["columns"]:
            types = [c["type"]] + [col["type"] for _, t in parts for col in t["columns"] if col["name"] == c["name"]]
            columns.append({"name": c["name"], "type": widest(types)})
        target = os.path.join(root, name)
        reference = not any(c["name"] == "doc" for c in columns)
        if reference and previous:
            return previous  # the same reference table in every export: kept once
        if reference:
            parts = parts[:1]
        frame = read_staged(spark, parts, columns)
        if name == "docs" and repeats is not None:
            frame = (frame.withColumn("export", F.regexp_extract(F.col("_metadata.file_path"), r"([^/]+)/[^/]+$", 1))
                     .join(F.broadcast(repeats), "export", "left")
                     .withColumn("duplicate_of", F.coalesce(F.col("repeats"), F.col("duplicate_of"))))
        widened = previous is not None and [c["type"] for c in columns] != [c["type"] for c in previous["columns"]]
        frame = cast_to(frame, columns)
        if widened:
            # A new file needs more decimal places than the warehouse has: rewrite the table at
            # the wider scale (exact, since widening only appends zeros).
            frame = frame.unionByName(cast_to(spark.read.schema(warehouse.ddl(previous["columns"])).parquet(target), columns))
        elif previous is not None:
            frame = cast_to(frame, previous["columns"])
            columns = previous["columns"]
        partition = [p for p in ("year", "stage") if any(c["name"] == p for c in columns)]
        writer_target = target if not widened else target + ".rewrite"
        writer = frame.write.mode("append" if previous is not None and not widened else "overwrite")
        if partition:
            writer = writer.partitionBy(*partition)
        writer.parquet(writer_target)
        if widened:
            shutil.rmtree(target)
            os.replace(writer_target, target)
        rows = (previous["rows"] if previous else 0) + sum(t["rows"] for _, t in parts)
        return {"name": name, "file": name, "rows": rows, "columns": columns}

    # Tables are independent: write them side by side, so the cluster is busy with several.
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        tables = [t for t in pool.map(write_one, names) if t is not None]
    schema = {"format": "budgetql-export", "version": 1, "null": "\\N", "tables": tables, "problems": []}
    with open(os.path.join(root, "schema.json.tmp"), "w", encoding="utf-8") as out:
        json.dump(schema, out, ensure_ascii=False, indent=1)
    os.replace(os.path.join(root, "schema.json.tmp"), os.path.join(root, "schema.json"))


def read_staged(spark, parts, columns):
    """One table's staged CSV files as one frame, each column read at its widest type. Files
    whose columns come in the same order are read together (from one binary, that is all)."""
    types = {c["name"]: c["type"] for c in columns}
    layouts = {}
    for e, t in parts:
        layouts.setdefault(tuple(c["name"] for c in t["columns"]), []).append(os.path.join(e, t["file"]))
    frame = None
    for names, paths in layouts.items():
        read = warehouse.csv_reader(spark, [{"name": n, "type": types.get(n, "STRING")} for n in names]).csv(paths)
        frame = read if frame is None else frame.unionByName(read, allowMissingColumns=True)
    return frame


def cast_to(frame, columns):
    return frame.selectExpr(*[f"CAST({warehouse.quote(c['name'])} AS {c['type']}) AS {warehouse.quote(c['name'])}" for c in columns])


if __name__ == "__main__":
    sys.exit(main())
