#!/usr/bin/env bash
# Starts a distributed worker; workers with the same group.id form one cluster:
#   bin/connect-distributed.sh config/connect-distributed.properties
if [ $# -ne 1 ]; then
  echo "usage: $0 worker.properties" >&2
  exit 2
fi
exec "$(dirname "$0")/aqueduct-run-class.sh" io.aqueduct.connect.runtime.cli.ConnectDistributed "$@"
