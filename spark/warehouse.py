"""The warehouse layout shared by the query driver and the ingest job.

A warehouse (or a plain `budgetql export` directory) has `schema.json` at its root: every table
with its columns in BudgetQL's order and their exact Spark types. A table's rows are either a
Parquet dataset in `<table>/` (the ingest job's output, partitioned by year and stage where the
table has them) or the export's `<table>.csv`. Columns are always selected in the schema's order,
so partition columns (which Spark moves to the end) stay where BudgetQL binds them.
"""
import json
import os

from pyspark.sql import SparkSession


def session(master, app_name, executor_memory="512m"):
    """A session that listens on loopback only, with BudgetQL's arithmetic: ANSI errors on
    overflow, and no silent loss of decimal places (an overflow is an error, never a rounding)."""
    # The JVM this starts must not pick the machine's outside address for anything.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return (SparkSession.builder.master(master).appName(app_name)
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.executor.memory", executor_memory)
            .config("spark.driver.memory", "768m")
            .config("spark.sql.ansi.enabled", "true")
            .config("spark.sql.decimalOperations.allowPrecisionLoss", "false")
            # Small results: a few shuffle partitions, not 200 tasks per aggregation.
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.sql.adaptive.enabled", "true")
            .config("spark.sql.session.timeZone", "UTC")
            # Several drivers sharing a small cluster (the tests) each take part of it.
            .config("spark.cores.max", os.environ.get("BUDGETQL_SPARK_CORES_MAX", "1024"))
            .getOrCreate())


def read_schema(directory):
    path = os.path.join(directory, "schema.json")
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    if schema.get("format") != "budgetql-export":
        raise ValueError(f"{path}: not a BudgetQL schema (format {schema.get('format')!r})")
    return schema


def ddl(columns):
    return ", ".join(f"{quote(c['name'])} {c['type']}" for c in columns)


def quote(name):
    return "`" + name.replace("`", "``") + "`"


def read_table(spark, directory, table, schema_null="\\N"):
    """One table as a DataFrame with the schema's columns, in its order and types."""
    columns = table["columns"]
    parquet = os.path.join(directory, table["name"])
    if os.path.isdir(parquet):
        # With the schema given, an empty table (no files) reads as empty, and partition
        # columns (year=2024/stage=预算) keep their types.
        frame = spark.read.schema(ddl(columns)).parquet(parquet)
    else:
        frame = csv_reader(spark, columns, schema_null).csv(os.path.join(directory, table["file"]))
    return frame.selectExpr(*[f"CAST({quote(c['name'])} AS {c['type']}) AS {quote(c['name'])}" for c in columns])


def csv_reader(spark, columns, schema_null="\\N"):
    """A reader of `budgetql export` CSV files with these columns, in the files' order."""
    return (spark.read.schema(ddl(columns))
            .option("header", "true").option("multiLine", "true")
            .option("quote", '"').option("escape", '"')
            .option("nullValue", schema_null).option("mode", "FAILFAST").option("enforceSchema", "true"))


def register(spark, directory):
    """Registers every table of the warehouse as a temporary view; returns the schema."""
    schema = read_schema(directory)
    for table in schema["tables"]:
        read_table(spark, directory, table, schema.get("null", "\\N")).createOrReplaceTempView(quote(table["name"]))
    register_class_names(spark, schema)
    return schema


def register_class_names(spark, schema):
    """class_name(code) reads a map from the `classes` table (code without spaces -> name), held
    in a session variable so every query can look codes up without a join. Function codes win
    over economic ones with the same digits, as in the embedded engine."""
    spark.sql("DECLARE OR REPLACE VARIABLE budgetql_class_names MAP<STRING, STRING> DEFAULT map()")
    names = {t["name"]: {c["name"] for c in t["columns"]} for t in schema["tables"]}
    if not {"code", "name"} <= names.get("classes", set()):
        return
    kind = "CASE WHEN kind = 'function' THEN 1 ELSE 0 END" if "kind" in names["classes"] else "1"
    spark.sql(f"""
        SET VAR budgetql_class_names = (
          SELECT coalesce(map_from_entries(collect_list(struct(k, n))), map())
          FROM (SELECT replace(CAST(code AS STRING), ' ', '') AS k, max_by(name, {kind}) AS n
                FROM classes WHERE code IS NOT NULL AND name IS NOT NULL GROUP BY 1))""")
