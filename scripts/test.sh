#!/usr/bin/env bash
# The whole test suite, on a fresh machine too: starts what the integration tests (*IT) need, runs
# `./mvnw verify`, stops what it started, and exits with Maven's status. Runs as root (apt-get).
#   docker: a private dockerd with locally built fixture images (Docker executor ITs)
#   postgres: a private PostgreSQL cluster (store and coordinator tests on PostgreSQL: SLUICE_TEST_POSTGRES_URL)
#   chromium + chromium-driver: Debian's headless browser and its driver (web UI browser tests, *WebUiIT)
# Each service installs through apt-get, starts in the background, waits for readiness with a
# timeout, and is stopped on exit. A test that needs a missing service fails; it never skips.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

started_docker=false
started_postgres=false
cleanup() {
  if $started_docker; then scripts/docker-test-env.sh stop || true; fi
  if $started_postgres; then scripts/postgres-test-env.sh stop || true; fi
}
trap cleanup EXIT

if [[ -z "${DOCKER_HOST:-}" ]] || ! docker version >/dev/null 2>&1; then
  eval "$(scripts/docker-test-env.sh start)"
  started_docker=true
fi
echo "test.sh: DOCKER_HOST=$DOCKER_HOST ($(docker version --format 'engine {{.Server.Version}}'))"

if [[ -z "${SLUICE_TEST_POSTGRES_URL:-}" ]]; then
  eval "$(scripts/postgres-test-env.sh start)"
  started_postgres=true
fi
echo "test.sh: SLUICE_TEST_POSTGRES_URL=${SLUICE_TEST_POSTGRES_URL%%\?*}"

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "test.sh: installing chromium chromium-driver (browser tests)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
echo "test.sh: $(/usr/bin/chromium --version 2>/dev/null), $(/usr/bin/chromedriver --version 2>/dev/null | cut -d' ' -f1-2)"

status=0
./mvnw verify "$@" || status=$?
echo "test.sh: ./mvnw verify exited with $status"
exit "$status"
