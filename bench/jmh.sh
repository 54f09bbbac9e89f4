#!/usr/bin/env bash
# The JMH converter microbenchmarks alone (Aqueduct's and Apache's converters in one JMH run):
#   bench/jmh.sh [--skip-build] [JMH options, e.g. -f 1 -wi 1 -i 3 'AqueductJson.*']
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if [ "${1:-}" = "--skip-build" ]; then
  shift
else
  MAVEN_OPTS="${MAVEN_OPTS:--Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}" \
    ./mvnw -B -q -pl connect-bench -am package -DskipTests
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ $# -eq 0 ]; then
  set -- 'io.aqueduct.connect.bench.jmh.*'
fi
exec "$java" -cp "connect-bench/target/classes:$(cat connect-bench/target/bench.classpath)" org.openjdk.jmh.Main "$@"
