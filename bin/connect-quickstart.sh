#!/usr/bin/env bash
# The quickstart: a development Kafka broker (KRaft) on localhost:9092, a distributed worker on localhost:8083 and a
# demo file pipeline, with progress on the terminal; Ctrl-C stops everything. `--help` lists the options.
#
# From a source tree, builds Aqueduct first if needed (with the Maven Wrapper). The broker's jars come from the
# quickstart's own class path (quickstart/libs/ in a distribution, connect-quickstart/target in a source tree), never
# from the worker's libs/. The worker runs in its own JVM through bin/connect-distributed.sh and honours
# AQUEDUCT_HEAP_OPTS and AQUEDUCT_OPTS; the quickstart's JVM (the broker) takes AQUEDUCT_QUICKSTART_HEAP_OPTS and
# AQUEDUCT_OPTS. JAVA_HOME selects the Java of both. Logs go to <work dir>/logs unless AQUEDUCT_LOG_DIR is set.
set -euo pipefail

base_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [ -d "$base_dir/libs" ]; then
  class_path="$base_dir/quickstart/libs/*:$base_dir/libs/*"
else
  if [ ! -d "$base_dir/connect-quickstart/target/dependency" ] || [ ! -d "$base_dir/connect-runtime/target/dependency" ]; then
    echo "Aqueduct is not built yet; building it once (about a minute) with:"
    echo "  (cd $base_dir && ./mvnw -B -q package -DskipTests)"
    (cd "$base_dir" && ./mvnw -B -q package -DskipTests)
  fi
  class_path="$base_dir/connect-quickstart/target/classes:$base_dir/connect-quickstart/target/dependency/*"
fi

if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
else
  java=java
fi
if ! command -v "$java" >/dev/null 2>&1; then
  echo "No java found: install Java 17 or newer, or set JAVA_HOME." >&2
  exit 1
fi

heap_opts=${AQUEDUCT_QUICKSTART_HEAP_OPTS:--Xms128m -Xmx512m}
log_opts=()
if [ -n "${AQUEDUCT_LOG_DIR:-}" ]; then
  log_opts+=("-Daqueduct.logs.dir=$AQUEDUCT_LOG_DIR")
fi

# shellcheck disable=SC2086 # the option variables hold several words on purpose
exec "$java" $heap_opts ${AQUEDUCT_OPTS:-} "${log_opts[@]}" \
  -Daqueduct.home="$base_dir" -Dlogback.configurationFile="$base_dir/config/quickstart-logback.xml" \
  -cp "$class_path" io.aqueduct.connect.quickstart.Quickstart "$@"
