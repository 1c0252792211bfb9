#!/usr/bin/env bash
# One pivotal-tuning step (forward at the pivot, backward to every weight, Adam over all of them; pixel loss) of
# Facet against the reference PyTorch code, same machine, same run, same random config-f weights.
#   scripts/bench_tune.sh REFERENCE_DIR [SIZE] [STEPS]
# REFERENCE_DIR: a checkout of rosinality/stylegan2-pytorch. Needs Debian's python3-torch (/usr/bin/python3).
# Prints the reference's ms per step, Facet's (`facet-cli bench tune --loss l2`), and the ratio.
set -euo pipefail
ref="${1:?usage: scripts/bench_tune.sh REFERENCE_DIR [SIZE] [STEPS]}"
size="${2:-256}"
steps="${3:-2}"
here="$(cd "$(dirname "$0")/.." && pwd)"
cli="${FACET_CLI:-$here/build/app/facet-cli}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The reference gets every core too (Debian's PyTorch would otherwise use one thread here): a fair comparison.
ref_json=$(/usr/bin/python3 "$here/scripts/bench_reference_tune.py" --reference "$ref" --size "$size" \
  --steps "$steps" --threads "$(nproc)" --save-checkpoint "$work/g.pt")
echo "reference: $ref_json"
facet_json=$("$cli" bench tune --generator "$work/g.pt" --steps "$steps" --loss l2 --json 2>/dev/null | tr -d '\n ')
echo "facet: $facet_json"
/usr/bin/python3 - "$ref_json" "$facet_json" <<'PY'
import json, sys
ref, fast = (json.loads(a) for a in sys.argv[1:])
print(f"ms per tuning step at {ref['size']}²: facet {fast['ms_median']:.0f}, reference {ref['ms_median']:.0f}; "
      f"ratio facet / reference {fast['ms_median'] / ref['ms_median']:.3f}")
print(f"CPU time per step (all threads; steadier on a shared machine): facet {fast['cpu_ms_median']:.0f}, "
      f"reference {ref['cpu_ms_median']:.0f}; ratio {fast['cpu_ms_median'] / ref['cpu_ms_median']:.3f}")
PY
