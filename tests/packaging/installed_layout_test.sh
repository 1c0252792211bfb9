#!/usr/bin/env bash
# An installed facet-cli (<prefix>/bin beside <prefix>/share/facet) finds its data from its own location: info
# reports that prefix's files, and the model search path holds that prefix's models folder and not the source tree.
#   installed_layout_test.sh FACET_CLI SOURCE_DIR
set -euo pipefail
cli="$1" source_dir="$2"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
mkdir -p "$prefix/bin" "$prefix/share/facet/models"
cp "$cli" "$prefix/bin/facet-cli"  # a copy, not a link: the program resolves links to its real location
cp "$source_dir/models/manifest.json" "$source_dir/models/fetch" "$prefix/share/facet/models/"
cp "$source_dir/resources/astronaut.png" "$prefix/share/facet/"

info="$(HOME="$prefix/home" XDG_DATA_HOME= FACET_MODELS= "$prefix/bin/facet-cli" info --json)"
echo "$info"
failures=0
check() {  # a Python condition on d (the JSON) and p (the prefix)
  python3 -c "import json,sys; d=json.loads(sys.argv[1]); p=sys.argv[2]; sys.exit(0 if ($*) else 1)" "$info" "$prefix" ||
    { echo "FAIL: $*"; failures=$((failures + 1)); }
}
check "d['data_dir'] == p + '/share/facet'"
check "d['manifest'] == p + '/share/facet/models/manifest.json'"
check "d['sample_photo'] == p + '/share/facet/astronaut.png'"
check "d['fetch_script'] == p + '/share/facet/models/fetch'"
check "d['model_search_paths'] == [p + '/home/.local/share/facet/models', p + '/share/facet/models']"

# From the build tree the program is not installed: no data folder, and the repository's models/ is searched.
built="$(HOME="$prefix/home" XDG_DATA_HOME= FACET_MODELS= "$cli" info --json)"
python3 -c "import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if d['data_dir'] is None and
            sys.argv[2] + '/models' in d['model_search_paths'] else 1)" "$built" "$source_dir" ||
  { echo "FAIL: the build tree's facet-cli: $built"; failures=$((failures + 1)); }
[ "$failures" -eq 0 ]
