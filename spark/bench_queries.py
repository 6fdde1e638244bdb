"""The query half of spark/bench: the PERF.md queries on Spark and on the embedded engine.

Writes the benchmark CSV as a Parquet warehouse partitioned by year (once per size), then runs
the queries R times through `budgetql --engine spark` (one driver for all) and through the
embedded engine, and prints a Markdown table of medians. Fails if the answers differ.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import warehouse  # noqa: E402

COLUMNS = [("year", "BIGINT"), ("unit", "STRING"), ("table", "STRING"), ("class", "BIGINT"), ("section", "BIGINT"),
           ("item", "BIGINT"), ("econ_class", "BIGINT"), ("name", "STRING"), ("project", "STRING"),
           ("measure", "STRING"), ("amount", "DECIMAL(19,2)")]

# PERF.md's queries in BudgetQL (as Sources/budgetql-bench/BenchQueries.swift has them).
TOTALS = ("(SELECT unit, class, section, item, sum(amount) AS total FROM bench WHERE year = {y} "
          "GROUP BY unit, class, section, item)")
QUERIES = {
    "Q1": "SELECT sum(amount) FROM bench WHERE class = 208",
    "Q2": "SELECT class, sum(amount) FROM bench GROUP BY class ORDER BY 2 DESC",
    "Q3": "SELECT unit, sum(amount) FILTER (WHERE year = 2024) - sum(amount) FILTER (WHERE year = 2023) AS d "
          "FROM bench GROUP BY unit ORDER BY unit",
    "Q4": "SELECT coalesce(a.unit, b.unit) AS unit, coalesce(a.class, b.class) AS class, "
          "coalesce(a.section, b.section) AS section, coalesce(a.item, b.item) AS item, "
          "coalesce(b.total, 0) - coalesce(a.total, 0) AS diff "
          f"FROM {TOTALS.format(y=2023)} a FULL OUTER JOIN {TOTALS.format(y=2024)} b "
          "ON a.unit = b.unit AND a.class = b.class AND a.section = b.section AND a.item = b.item "
          "ORDER BY abs(diff) DESC, 1, 2, 3, 4 LIMIT 20",
    "Q5": "SELECT count(*) FROM bench WHERE name LIKE '%就业%'",
}


def build_warehouse(master, csv, target):
    if os.path.exists(os.path.join(target, "schema.json")):
        return 0.0
    spark = warehouse.session(master, "budgetql-bench-load", executor_memory="768m")
    spark.sparkContext.setLogLevel("ERROR")
    started = time.time()
    ddl = ", ".join(f"{warehouse.quote(n)} {t}" for n, t in COLUMNS)
    frame = spark.read.schema(ddl).option("header", "true").option("quote", '"').option("escape", '"').csv(csv)
    frame.write.mode("overwrite").partitionBy("year").parquet(os.path.join(target, "bench"))
    rows = spark.read.parquet(os.path.join(target, "bench")).count()
    schema = {"format": "budgetql-export", "version": 1, "null": "\\N", "problems": [],
              "tables": [{"name": "bench", "file": "bench", "rows": rows, "columns": [{"name": n, "type": t} for n, t in COLUMNS]}]}
    with open(os.path.join(target, "schema.json"), "w", encoding="utf-8") as f:
        json.dump(schema, f)
    spark.stop()
    return time.time() - started


def timed(command, reps):
    """Runs every query `reps` times in one budgetql process; returns medians (ms) and answers."""
    script = ".timer on\n" + "".join(f"{QUERIES[q]};\n" for _ in range(reps) for q in sorted(QUERIES))
    started = time.time()
    done = subprocess.run(command + ["-f", "-", "--format", "csv"], input=script, capture_output=True, text=True)
    total = time.time() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
    times = [float(t) * 1000 for t in re.findall(r"Run Time: ([0-9.]+) s", done.stderr)]
    names = [q for _ in range(reps) for q in sorted(QUERIES)]
    medians = {q: statistics.median(t for n, t in zip(names, times) if n == q) for q in QUERIES}
    return medians, done.stdout[: len(done.stdout) // reps], total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--master", required=True)
    parser.add_argument("--budgetql", required=True)
    parser.add_argument("--csv", required=True)
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    load = build_warehouse(args.master, args.csv, args.warehouse)
    spark_times, spark_answers, spark_total = timed(
        [args.budgetql, "--engine", "spark", "--master", args.master, "--warehouse", args.warehouse], args.reps)
    embedded_times, embedded_answers, embedded_total = timed([args.budgetql, "--data", args.csv], args.reps)
    same = spark_answers == embedded_answers
    print(f"\nwarehouse written in {load:.1f} s; Spark process {spark_total:.1f} s in all (with driver start-up), "
          f"embedded {embedded_total:.1f} s (with the CSV load); answers {'identical' if same else 'DIFFER'}\n")
    print("| query | Spark ms | embedded ms | Spark/embedded |")
    print("|---|---|---|---|")
    for q in sorted(QUERIES):
        print(f"| {q} | {spark_times[q]:.0f} | {embedded_times[q]:.1f} | {spark_times[q] / embedded_times[q]:.1f} |")
    if not same:
        print("the engines' answers differ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
