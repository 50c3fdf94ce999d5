#!/usr/bin/env bash
# npm run test:pg: runs a test command (default: the mocha suite) against a private PostgreSQL cluster,
# and stops the cluster whatever happens. Uses TEST_DATABASE_URL as is when it is already set.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- npx mocha
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi
dir=$(mktemp -d /tmp/helpdesk-pg.XXXXXX)
chmod 755 "$dir"
trap 'scripts/pg-cluster.sh stop "$dir"; rm -rf "$dir"' EXIT
TEST_DATABASE_URL=$(scripts/pg-cluster.sh start "$dir")
export TEST_DATABASE_URL
echo "PostgreSQL test cluster: $TEST_DATABASE_URL"
"$@"
