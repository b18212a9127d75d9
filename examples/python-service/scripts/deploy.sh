#!/usr/bin/env bash
# Deploys dist/python-service.pyz to one environment under $DEPLOY_ROOT: installs it as a release,
# starts it, smoke-tests it over HTTP, switches the environment's `current` link to it and records
# the deployment. Production only takes a version that staging runs already.
set -euo pipefail

env="${1:?usage: deploy.sh ENVIRONMENT}"
artifact="dist/python-service.pyz"
version="${CI_COMMIT_SHORT_SHA:-dev}"
target="$DEPLOY_ROOT/$env"
release="$target/releases/$version"

[[ -f "$artifact" ]] || { echo "no $artifact: the build job's artifact is missing" >&2; exit 1; }
sha="$(sha256sum "$artifact" | cut -d' ' -f1)"
if [[ -n "${ARTIFACT_SHA256:-}" && "$sha" != "$ARTIFACT_SHA256" ]]; then
  echo "artifact checksum $sha differs from the build's $ARTIFACT_SHA256" >&2
  exit 1
fi
if [[ "$env" == production ]]; then
  staged="$(readlink "$DEPLOY_ROOT/staging/current" 2>/dev/null || true)"
  [[ "$staged" == "releases/$version" ]] || {
    echo "staging runs ${staged:-nothing}, not $version: deploy this version to staging first" >&2
    exit 1
  }
fi

mkdir -p "$release"
cp "$artifact" "$release/python-service.pyz"
echo "installed $version into $release"

# smoke test: start the release on a free port, check health, version and a real quote
port_file="$(mktemp)"
python3 "$release/python-service.pyz" --port 0 --port-file "$port_file" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$port_file"' EXIT
for _ in $(seq 1 50); do [[ -s "$port_file" ]] && break; sleep 0.1; done
port="$(cat "$port_file")"
python3 - "$port" "$version" <<'PY'
import json, sys, urllib.request
port, version = sys.argv[1], sys.argv[2]
def call(path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                 data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(req, timeout=5) as resp:
        return json.loads(resp.read())
assert call("/health") == {"status": "ok"}, "health check failed"
assert call("/version") == {"version": version}, "wrong version deployed"
total = call("/quote", {"basket": {"apple": 2, "coffee": 1}})["total"]
assert total == 1186, f"quote gave {total}"
print(f"smoke test passed on port {port}: health ok, version {version}, quote {total}")
PY

ln -sfn "releases/$version" "$target/current"
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) $version $sha pipeline ${CI_PIPELINE_ID:-?}" >> "$target/deployments.log"
echo "$env now runs $version ($(wc -l < "$target/deployments.log") deployments so far)"
