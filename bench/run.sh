#!/usr/bin/env bash
# The side-by-side benchmark of Aqueduct and Apache Kafka Connect, in one command:
#   bench/run.sh [--smoke] [--reps N] [--lines N] [--jmh] [--skip-build] [other BenchMain options]
# Builds connect-bench (which also resolves Apache Kafka Connect's jars from Maven Central), optionally runs
# the JMH converter microbenchmarks (--jmh), then runs every scenario against both runtimes on one real
# broker, prints the table and writes docs/performance.md (the smoke run writes under connect-bench/target).
# `BenchMain --help`-style usage: see BenchOptions.USAGE or run with a bad option.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

run_jmh=false
build=true
bench_args=()
for arg in "$@"; do
  case "$arg" in
    --jmh) run_jmh=true ;;
    --skip-build) build=false ;;
    *) bench_args+=("$arg") ;;
  esac
done

export MAVEN_OPTS="${MAVEN_OPTS:--Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
if $build; then
  echo "Building connect-bench and what it needs ..." >&2
  ./mvnw -B -q -pl connect-bench -am package -DskipTests
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
class_path="connect-bench/target/classes:$(cat connect-bench/target/bench.classpath)"

if $run_jmh; then
  echo "Running the JMH converter microbenchmarks ..." >&2
  "$java" -cp "$class_path" org.openjdk.jmh.Main -rf text -rff connect-bench/target/jmh-results.txt \
    'io.aqueduct.connect.bench.jmh.*' >&2
  bench_args+=(--jmh-results connect-bench/target/jmh-results.txt)
fi

exec "$java" -Xms512m -Xmx1g -XX:+UseG1GC -cp "$class_path" io.aqueduct.connect.bench.BenchMain \
  --command "bench/run.sh $*" "${bench_args[@]}"
