#!/usr/bin/env bash
# Runs a Java main class of Aqueduct with the right class path, from an unpacked distribution
# (libs/) or from the source tree after `./mvnw package`. Honours JAVA_HOME, AQUEDUCT_HEAP_OPTS,
# AQUEDUCT_OPTS, AQUEDUCT_LOG_DIR, AQUEDUCT_LOG_CONFIG and MALLOC_ARENA_MAX (default 2). Replaces itself
# with the JVM (exec), so signals from a terminal or a process manager reach the worker.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 <main class> [args...]" >&2
  exit 2
fi
main_class=$1
shift

base_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [ -d "$base_dir/libs" ]; then
  class_path="$base_dir/libs/*"
elif [ -d "$base_dir/connect-runtime/target/dependency" ]; then
  class_path="$base_dir/connect-runtime/target/classes:$base_dir/connect-runtime/target/dependency/*"
else
  echo "Aqueduct is not built yet: run ./mvnw -B package -DskipTests in $base_dir first." >&2
  exit 1
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

heap_opts=${AQUEDUCT_HEAP_OPTS:--Xms256m -Xmx1g}
# glibc gives every thread that allocates natively its own malloc arena (up to 8 per core), each keeping freed
# memory resident; two are plenty for a worker, whose memory lives in the Java heap.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
log_dir=${AQUEDUCT_LOG_DIR:-$base_dir/logs}
log_config=${AQUEDUCT_LOG_CONFIG:-$base_dir/config/logback.xml}

# shellcheck disable=SC2086 # the option variables hold several words on purpose
exec "$java" $heap_opts ${AQUEDUCT_OPTS:-} \
  -Daqueduct.home="$base_dir" -Daqueduct.logs.dir="$log_dir" -Dlogback.configurationFile="$log_config" \
  -cp "$class_path" "$main_class" "$@"
