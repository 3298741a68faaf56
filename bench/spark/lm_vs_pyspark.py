#!/usr/bin/env python3
"""lm(y ~ ., tbl) over a Spark table: rsc (Spark Connect, sums of cross products in
Spark) against pyspark.ml's LinearRegression(solver="normal") on the same server.

Needs a running Spark Connect server (tests/spark/run.sh shows how to start one) and the
shared kit's CSV (../shared/bench/gen_data.py). Loads the CSV into a Parquet table once,
then times each fit (best of --reps) and compares the x coefficients.

usage: python bench/spark/lm_vs_pyspark.py --csv data/reg_1e6.csv --rsc target/release/rsc
"""
import argparse
import os
import re
import subprocess
import time

from pyspark.sql import SparkSession


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", required=True)
    ap.add_argument("--rsc", required=True)
    ap.add_argument("--url", default="sc://127.0.0.1:15002")
    ap.add_argument("--reps", type=int, default=3)
    a = ap.parse_args()
    name = re.sub(r"\W", "_", os.path.basename(a.csv).rsplit(".", 1)[0])
    spark = SparkSession.builder.remote(a.url).getOrCreate()
    if name not in [t.name for t in spark.catalog.listTables()]:
        df = spark.read.csv(os.path.abspath(a.csv), header=True, inferSchema=True)
        df.write.mode("overwrite").format("parquet").saveAsTable(name)
    n = spark.table(name).count()

    from pyspark.ml.feature import OneHotEncoder, StringIndexer, VectorAssembler
    from pyspark.ml.regression import LinearRegression

    xs = [f"x{j}" for j in range(1, 11)]
    best_py, coef_py = None, None
    for _ in range(a.reps):
        t0 = time.time()
        d = spark.table(name)
        d = StringIndexer(inputCol="g", outputCol="gi", stringOrderType="alphabetAsc").fit(d).transform(d)
        d = OneHotEncoder(inputCol="gi", outputCol="gv", dropLast=True).fit(d).transform(d)
        d = VectorAssembler(inputCols=xs + ["gv"], outputCol="features").transform(d)
        m = LinearRegression(featuresCol="features", labelCol="y", solver="normal").fit(d)
        dt = time.time() - t0
        best_py = dt if best_py is None else min(best_py, dt)
        coef_py = list(m.coefficients)[:10]

    code = (
        f'con <- spark_connect("{a.url}"); t <- spark_table(con, "{name}"); '
        f'best <- Inf; for (i in 1:{a.reps}) {{ t0 <- Sys.time(); fit <- lm(y ~ ., data = t); '
        'best <- min(best, as.numeric(Sys.time() - t0, units = "secs")) }; '
        'cat(best, "\\n"); cat(sprintf("%.17g", coef(fit)[2:11]), "\\n")'
    )
    out = subprocess.run([a.rsc, "-e", code], capture_output=True, text=True, check=True).stdout.split("\n")
    best_rsc = float(out[0])
    coef_rsc = [float(v) for v in out[1].split()]
    gap = max(abs(p - r) / max(abs(p), 1e-300) for p, r in zip(coef_py, coef_rsc))
    print(f"rows {n}: rsc lm {best_rsc:.2f} s, pyspark.ml LinearRegression(normal) {best_py:.2f} s, "
          f"largest relative difference of the x coefficients {gap:.1e}")


if __name__ == "__main__":
    main()
