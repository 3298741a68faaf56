#!/usr/bin/env bash
# The Jupyter kernel tested with Jupyter's own libraries: a virtual environment (cached,
# keyed by requirements.txt) with jupyter_client, jupyter_kernel_test, nbclient and
# nbconvert; the kernelspec installed into it; jupyter_kernel_test's suite and our own
# tests (tests/jupyter/test_kernel.py); and `jupyter nbconvert --execute` of a notebook
# with a plot. Any failure fails the script.
#
#   tests/jupyter/run.sh [path/to/rsc]     (default: $CARGO_TARGET_DIR/debug/rsc)
set -euo pipefail
cd "$(dirname "$0")/../.."
RSC="${1:-${CARGO_TARGET_DIR:-target}/debug/rsc}"
RSC="$(cd "$(dirname "$RSC")" && pwd)/$(basename "$RSC")"
[ -x "$RSC" ] || { echo "tests/jupyter/run.sh: no rsc binary at $RSC" >&2; exit 1; }
PYTHON="${PYTHON:-python3}"
command -v "$PYTHON" >/dev/null || { echo "tests/jupyter/run.sh: python3 is required" >&2; exit 1; }

REQ=tests/jupyter/requirements.txt
KEY="$(cat "$REQ" | sha256sum | cut -c1-16)-$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
VENV="$HOME/.cache/rsc-venv/$KEY"
if [ ! -f "$VENV/.complete" ]; then
    echo "jupyter: creating the virtual environment $VENV"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQ"
    touch "$VENV/.complete"
fi

# Only this environment's kernelspecs, and connection files in a scratch directory.
WORK="$(mktemp -d)"
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
export JUPYTER_PATH="$VENV/share/jupyter"
export JUPYTER_DATA_DIR="$WORK/data" JUPYTER_RUNTIME_DIR="$WORK/runtime" JUPYTER_CONFIG_DIR="$WORK/config"
export JUPYTER_PLATFORM_DIRS=1 PYDEVD_DISABLE_FILE_VALIDATION=1
"$RSC" jupyter install --prefix "$VENV"
"$VENV/bin/jupyter" kernelspec list

echo "jupyter: protocol suite and kernel tests"
(cd tests/jupyter && timeout 600 "$VENV/bin/python" -m unittest -v test_kernel 2>&1)

echo "jupyter: nbconvert --execute tests/jupyter/plot.ipynb"
timeout 300 "$VENV/bin/jupyter" nbconvert --to html --execute --ExecutePreprocessor.timeout=120 \
    --output-dir "$WORK" tests/jupyter/plot.ipynb
HTML="$WORK/plot.html"
grep -q '<img[^>]*src="data:image/png;base64,' "$HTML" || { echo "jupyter: no PNG image in the notebook's HTML" >&2; exit 1; }
grep -q 'speed' "$HTML" || { echo "jupyter: no coefficients in the notebook's HTML" >&2; exit 1; }
grep -q 'done' "$HTML" || { echo "jupyter: the last cell's output is missing" >&2; exit 1; }
# (a cell's error already fails nbconvert --execute); nothing may go to stderr
if grep -q 'data-mime-type="application/vnd.jupyter.stderr"' "$HTML"; then
    echo "jupyter: the notebook's HTML shows output on stderr" >&2; exit 1
fi
echo "jupyter: notebook executed, HTML has the plot"
