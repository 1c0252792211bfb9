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

HOME="$prefix/home" XDG_DATA_HOME= FACET_MODELS= "$prefix/bin/facet-cli" info --json > "$prefix/installed.json"
# From the build tree the program is not installed: no data folder, and the repository's models/ is searched.
HOME="$prefix/home" XDG_DATA_HOME= FACET_MODELS= "$cli" info --json > "$prefix/built.json"
python3 - "$prefix" "$source_dir" <<'EOF'
import json, sys
prefix, source = sys.argv[1], sys.argv[2]
installed = json.load(open(prefix + "/installed.json"))
built = json.load(open(prefix + "/built.json"))
expected = {
    "data_dir": prefix + "/share/facet",
    "manifest": prefix + "/share/facet/models/manifest.json",
    "fetch_script": prefix + "/share/facet/models/fetch",
    "sample_photo": prefix + "/share/facet/astronaut.png",
    "model_search_paths": [prefix + "/home/.local/share/facet/models", prefix + "/share/facet/models"],
}
failures = [f"installed {key}: {installed.get(key)!r}, expected {value!r}"
            for key, value in expected.items() if installed.get(key) != value]
if built.get("data_dir") is not None or source + "/models" not in built.get("model_search_paths", []):
    failures.append(f"the build tree's facet-cli: {built}")
print("\n".join(f"FAIL: {f}" for f in failures) or "installed layout ok")
sys.exit(1 if failures else 0)
EOF
