#!/usr/bin/env bash
# Starts a standalone worker:
#   bin/connect-standalone.sh config/connect-standalone.properties connector1.properties [connector2.json ...]
if [ $# -lt 1 ]; then
  echo "usage: $0 worker.properties [connector.properties|connector.json ...]" >&2
  exit 2
fi
exec "$(dirname "$0")/aqueduct-run-class.sh" io.aqueduct.connect.runtime.cli.ConnectStandalone "$@"
