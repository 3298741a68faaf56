#!/usr/bin/env bash
# The `spark` feature's tests against a local Spark Connect server: installs pyspark (which
# bundles the Spark Connect server's jars) into a cached venv, starts the server on
# 127.0.0.1 with local[2] and a small driver, runs `cargo test --features spark --test
# spark`, and stops the server. Skips (exit 0) only when no Java runtime is available.
#   usage: bash tests/spark/run.sh            (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${RSC_SPARK_PORT:-15002}"
VENV="${RSC_SPARK_VENV:-$HOME/.cache/rsc-spark-venv}"
if ! command -v java >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless) >/dev/null 2>&1 || true
    fi
fi
if ! command -v java >/dev/null 2>&1; then
    echo "tests/spark/run.sh: no Java runtime (java) found: skipping the Spark Connect tests"
    exit 0
fi
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q 'pyspark[connect]==4.*'
fi
SPARK_HOME="$("$VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
export SPARK_HOME
RUN="$(mktemp -d)"
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOG_DIR="$RUN/logs" SPARK_PID_DIR="$RUN/pids" SPARK_IDENT_STRING=rsc-test
stop() {
    "$SPARK_HOME/sbin/stop-connect-server.sh" >/dev/null 2>&1 || true
    rm -rf "$RUN"
}
trap stop EXIT
(cd "$RUN" && "$SPARK_HOME/sbin/start-connect-server.sh" \
    --master 'local[2]' --driver-memory 2g \
    --conf spark.connect.grpc.binding.address=127.0.0.1 \
    --conf spark.connect.grpc.binding.port="$PORT" \
    --conf spark.ui.enabled=false \
    --conf spark.sql.shuffle.partitions=2 \
    --conf spark.sql.warehouse.dir="$RUN/warehouse" >/dev/null)
# wait for the port (at most 3 minutes)
for _ in $(seq 1 180); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
    sleep 1
done
export RSC_SPARK_URL="sc://127.0.0.1:$PORT"
export RSC_SPARK_DATA="$RUN/data"
mkdir -p "$RSC_SPARK_DATA"
cargo test --features spark --test spark 2>&1
