#!/usr/bin/env bash
# Whole-process wall time and peak memory of `sluice run` on a 1-job and a 20-job pipeline
# (5 stages x 4 jobs of `true`), next to the floor measured in the same run: 20 x `bash -c true`.
# Usage: bench/run-bench.sh [RUNS]   (needs hyperfine: apt-get install hyperfine)
# With GITLAB_CI_LOCAL set to a command running gitlab-ci-local (e.g. "node .../gitlab-ci-local/dist/index.js";
# it needs Node 22 and rsync), that tool is measured in the same run on the same pipelines.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

repo() { # DIR YAML
  mkdir -p "$1" && git -C "$1" init -q -b main && printf '%s' "$2" > "$1/.gitlab-ci.yml"
  git -C "$1" remote add origin git@gitlab.example.com:bench/project.git
  git -C "$1" -c user.name=bench -c user.email=bench@example.com add . >/dev/null
  git -C "$1" -c user.name=bench -c user.email=bench@example.com commit -qm bench
}
repo "$work/one" $'job:\n  script: ["true"]\n'
twenty=$'stages: [s1, s2, s3, s4, s5]\n'
for s in 1 2 3 4 5; do for j in 1 2 3 4; do twenty+=$"j$s$j:"$'\n'"  stage: s$s"$'\n'$'  script: ["true"]\n'; done; done
repo "$work/twenty" "$twenty"

"$root/sluice" --version >/dev/null   # build the jar and its class-data archive first
echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $("$root/sluice" --version | tail -1)"
cd "$work"   # gitlab-ci-local takes only a relative --cwd
others=()
if [[ -n "${GITLAB_CI_LOCAL:-}" ]]; then
  others=(-n "gitlab-ci-local, 1 job" "$GITLAB_CI_LOCAL --cwd one --no-color"
          -n "gitlab-ci-local, 20 jobs" "$GITLAB_CI_LOCAL --cwd twenty --no-color")
fi
hyperfine -N -w 2 -r "$runs" --export-markdown "$work/table.md" \
  -n "floor: 20 x bash -c true" "bash -c 'for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do bash -c true; done'" \
  -n "sluice run, 1 job" "$root/sluice run -C $work/one --no-color" \
  -n "sluice run, 20 jobs" "$root/sluice run -C $work/twenty --no-color" "${others[@]}" >/dev/null
cat "$work/table.md"
for p in one twenty; do
  peak="$( { /usr/bin/time -f '%M' "$root/sluice" run -C "$work/$p" --no-color >/dev/null; } 2>&1 | tail -1)"
  echo "peak RSS, sluice run ($p): $((peak / 1024)) MiB"
  if [[ -n "${GITLAB_CI_LOCAL:-}" ]]; then
    peak="$( { /usr/bin/time -f '%M' $GITLAB_CI_LOCAL --cwd "$p" --no-color >/dev/null; } 2>&1 | tail -1)"
    echo "peak RSS, gitlab-ci-local ($p): $((peak / 1024)) MiB"
  fi
done
