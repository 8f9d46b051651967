#!/usr/bin/env bash
# Keeps the chart's crds/ an exact copy of the CRDs the crds module generates (crds/*.yml at the
# repository root). CRDs are never hand-written in the chart.
#
#   helm-chart/sync-crds.sh           copy them (and drop chart copies whose source is gone)
#   helm-chart/sync-crds.sh --check   exit 1, with a diff, if the chart's copies differ
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$(cd "$here/.." && pwd)/crds"
dst="$here/autonomy-operator/crds"

shopt -s nullglob
sources=("$src"/*.yml)
if [ ${#sources[@]} -eq 0 ]; then
  echo "no generated CRDs in $src (build the crds module: ./mvnw -pl crds package)" >&2
  exit 2
fi

if [ "${1:-}" = "--check" ]; then
  status=0
  for f in "${sources[@]}"; do
    name="$(basename "$f")"
    if [ ! -f "$dst/$name" ]; then
      echo "missing in chart: crds/$name" >&2; status=1
    elif ! diff -u "$dst/$name" "$f" >&2; then
      echo "differs: helm-chart/autonomy-operator/crds/$name vs crds/$name" >&2; status=1
    fi
  done
  for f in "$dst"/*; do
    [ -f "$src/$(basename "$f")" ] || { echo "stale in chart: crds/$(basename "$f")" >&2; status=1; }
  done
  if [ $status -ne 0 ]; then
    echo "the chart's CRDs are out of sync: run helm-chart/sync-crds.sh and commit the result" >&2
  fi
  exit $status
fi

mkdir -p "$dst"
for f in "$dst"/*; do
  [ -f "$src/$(basename "$f")" ] || { rm -f "$f"; echo "removed stale $(basename "$f")"; }
done
for f in "${sources[@]}"; do
  cp "$f" "$dst/"
  echo "copied $(basename "$f")"
done
