#!/usr/bin/env bash
# Renders examples/gallery.rsc with rsc and with R's png() into docs/gallery/{rsc,r}/ and
# writes docs/gallery/README.md with the two pictures of each plot side by side.
# Usage: docs/gallery/make.sh [path/to/rsc]   (default: target/release/rsc, else target/debug/rsc)
# README_ONLY=1 rewrites the index from the PNGs already there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rsc="${1:-}"
if [ -z "$rsc" ]; then
    tgt="${CARGO_TARGET_DIR:-$root/target}"
    if [ -x "$tgt/release/rsc" ]; then rsc="$tgt/release/rsc"; else rsc="$tgt/debug/rsc"; fi
fi
if [ "${README_ONLY:-}" != 1 ]; then
    rm -rf "$here/rsc" "$here/r"
    mkdir -p "$here/rsc" "$here/r"
    (cd "$root" && GALLERY_DIR="$here/rsc" "$rsc" examples/gallery.rsc) || echo "rsc: gallery script failed" >&2
    if command -v Rscript >/dev/null; then
        (cd "$root" && GALLERY_DIR="$here/r" Rscript --vanilla examples/gallery.rsc) || echo "R: gallery script failed" >&2
    fi
fi
{
    echo "# Gallery: rsc beside R"
    echo
    echo "Each plot of [examples/gallery.rsc](../../examples/gallery.rsc) drawn by rsc's png() (left)"
    echo "and by R's png() (right). Regenerate with \`docs/gallery/make.sh\` (needs R for the right column)."
    echo
    echo "| plot | rsc | R |"
    echo "| --- | --- | --- |"
    for n in $(ls "$here"/rsc/*.png "$here"/r/*.png 2>/dev/null | xargs -n1 basename | sed 's/\.png$//' | sort -u); do
        a="(not drawn)"; r="(not drawn)"
        [ -f "$here/rsc/$n.png" ] && a="![rsc $n](rsc/$n.png)"
        [ -f "$here/r/$n.png" ] && r="![R $n](r/$n.png)"
        echo "| $n | $a | $r |"
    done
} > "$here/README.md"
rm -f "$here/rsc/index.txt" "$here/r/index.txt"
echo "wrote $here/README.md"
