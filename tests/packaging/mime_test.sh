#!/usr/bin/env bash
# packaging/facet-mime.xml is valid shared-mime-info XML and maps *.facet to Facet's session type.
#   mime_test.sh SOURCE_DIR
set -euo pipefail
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
db="$scratch/mime"  # <data dir>/mime, the data dir on XDG_DATA_DIRS: the tool then says nothing when all is well
mkdir -p "$db/packages"
cp "$1/packaging/facet-mime.xml" "$db/packages/facet.xml"
XDG_DATA_DIRS="$scratch" update-mime-database "$db" 2>&1 | tee "$scratch/errors"
! grep -q . "$scratch/errors" || { echo "FAIL: update-mime-database reported problems"; exit 1; }
grep -qx 'application/x-facet-session:\*\.facet' "$db/globs" ||
  { echo "FAIL: *.facet not in globs"; cat "$db/globs"; exit 1; }
grep -q '^application/x-facet-session application/json$' "$db/subclasses" ||
  { echo "FAIL: not a JSON subclass"; exit 1; }
echo "mime ok"
