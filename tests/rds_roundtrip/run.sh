#!/usr/bin/env bash
# Files written by rsc load in R identical() to R's own objects. Needs R (Rscript).
#   tests/rds_roundtrip/run.sh [path/to/rsc]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rsc="$(realpath "${1:-${CARGO_TARGET_DIR:-target}/debug/rsc}")"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cd "$here"
"$rsc" save.rsc "$dir"
Rscript --vanilla check.R "$dir"
