"""BudgetQL's long-lived Spark driver: one SparkSession serving many queries over a pipe.

BudgetQL parses, binds and translates each query itself and sends Spark SQL here. Protocol, one
JSON object per line:
  <- {"ready": true, "tables": [...]}                 once the warehouse is registered
  -> {"sql": "SELECT ..."}                            <- {"columns": [...], "rows": [[...]]}
  -> {"batch": ["SELECT ...", ...]}                   <- {"results": [{"columns", "rows"} | {"error"}, ...]}
  -> {"load": "/path/to/warehouse"}                   <- {"tables": [...]}
  any request that fails                              <- {"error": "..."}
Cells are text (decimals in plain notation at their scale) or null, so nothing passes through
floating point; BudgetQL types them by the bound query. Everything else Spark prints goes to
stderr.

Usage: driver.py --master spark://127.0.0.1:7077 --warehouse DIR
"""
import argparse
import concurrent.futures
import decimal
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import warehouse  # noqa: E402


def cell(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, decimal.Decimal):
        return format(v, "f")
    return str(v)


def run(spark, sql):
    try:
        frame = spark.sql(sql)
        return {"columns": frame.columns, "rows": [[cell(v) for v in row] for row in frame.collect()]}
    except Exception as e:  # noqa: BLE001 - the message goes to BudgetQL
        return {"error": first_line(e)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--master", required=True)
    parser.add_argument("--warehouse", required=True)
    args = parser.parse_args()

    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8", buffering=1)
    sys.stdout = sys.stderr  # whatever else prints must not break the protocol

    def reply(obj):
        protocol.write(json.dumps(obj, ensure_ascii=False) + "\n")
        protocol.flush()

    try:
        spark = warehouse.session(args.master, "budgetql")
        spark.sparkContext.setLogLevel("ERROR")
        schema = warehouse.register(spark, args.warehouse)
    except Exception as e:  # noqa: BLE001 - the message goes to BudgetQL
        reply({"error": f"cannot start Spark on {args.master} with {args.warehouse}: {first_line(e)}"})
        return 1
    reply({"ready": True, "tables": schema["tables"]})
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=4)

    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            if "sql" in request:
                reply(run(spark, request["sql"]))
            elif "batch" in request:
                # A batch's statements are independent: run them on a few threads so Spark
                # schedules their small jobs side by side instead of one round trip each.
                replies = list(pool.map(lambda sql: run(spark, sql), request["batch"]))
                reply({"results": replies})
            elif "load" in request:
                schema = warehouse.register(spark, request["load"])
                reply({"tables": schema["tables"]})
            else:
                reply({"error": f"unknown request {sorted(request)}"})
        except Exception as e:  # noqa: BLE001
            reply({"error": first_line(e)})
    spark.stop()
    return 0


def first_line(e):
    text = str(e).strip()
    # Spark's messages carry a JVM stack trace after the first lines.
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("\tat ")]
    return " ".join(lines[:3]) if lines else type(e).__name__


if __name__ == "__main__":
    sys.exit(main())
