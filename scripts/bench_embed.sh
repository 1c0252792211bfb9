#!/usr/bin/env bash
# One embedding step (forward, backward, Adam on W+; pixel loss) of Facet against the reference PyTorch code, same
# machine, same run, same random config-f weights.
#   scripts/bench_embed.sh REFERENCE_DIR [SIZE] [STEPS]
# REFERENCE_DIR: a checkout of rosinality/stylegan2-pytorch. Needs Debian's python3-torch (/usr/bin/python3).
# Prints the reference's ms per step and peak memory, Facet's (`facet-cli bench embed`), and the ratio.
# FACET_BENCH_PLAIN=1 also times Facet's autograd over its plain path.
set -euo pipefail
ref="${1:?usage: scripts/bench_embed.sh REFERENCE_DIR [SIZE] [STEPS]}"
size="${2:-1024}"
steps="${3:-2}"
here="$(cd "$(dirname "$0")/.." && pwd)"
cli="${FACET_CLI:-$here/build/app/facet-cli}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The reference gets every core too (Debian's PyTorch would otherwise use one thread here): a fair comparison.
ref_json=$(/usr/bin/python3 "$here/scripts/bench_reference_embed.py" --reference "$ref" --size "$size" \
  --steps "$steps" --threads "$(nproc)" --save-checkpoint "$work/g.pt")
echo "reference: $ref_json"
facet_json=$("$cli" bench embed --generator "$work/g.pt" --steps "$steps" --json 2>/dev/null | tr -d '\n ')
echo "facet: $facet_json"
plain_json="{}"
if [ "${FACET_BENCH_PLAIN:-0}" = 1 ]; then
  plain_json=$("$cli" bench embed --generator "$work/g.pt" --steps "$steps" --plain --json 2>/dev/null | tr -d '\n ')
  echo "facet plain path: $plain_json"
fi
/usr/bin/python3 - "$ref_json" "$facet_json" "$plain_json" <<'PY'
import json, sys
ref, fast, plain = (json.loads(a) for a in sys.argv[1:])
print(f"ms per step: facet {fast['ms_median']:.0f}, reference {ref['ms_median']:.0f}; "
      f"ratio facet / reference {fast['ms_median'] / ref['ms_median']:.3f}")
print(f"peak memory: facet {fast['peak_rss_mb']:.0f} MB (whole process), reference {ref['peak_rss_mb']:.0f} MB")
if plain:
    print(f"facet plain path: {plain['ms_median']:.0f} ms per step "
          f"(ratio {plain['ms_median'] / ref['ms_median']:.3f}), peak {plain['peak_rss_mb']:.0f} MB")
PY
