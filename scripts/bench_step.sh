#!/usr/bin/env bash
# One optimisation step of Facet against the reference PyTorch code, same machine, same run, same random config-f
# weights, pixel loss:
#   scripts/bench_step.sh embed REFERENCE_DIR [SIZE] [STEPS]   forward, backward and Adam on W+ (default 1024²)
#   scripts/bench_step.sh tune REFERENCE_DIR [SIZE] [STEPS]    pivotal tuning: backward to every weight, Adam over
#                                                              all of them (default 256²)
# REFERENCE_DIR: a checkout of rosinality/stylegan2-pytorch. Needs Debian's python3-torch (/usr/bin/python3).
# Prints both steps' wall and CPU time, the ratios and peak memory. FACET_BENCH_PLAIN=1 (embed) also times Facet's
# autograd over its plain path.
set -euo pipefail
usage="usage: scripts/bench_step.sh embed|tune REFERENCE_DIR [SIZE] [STEPS]"
what="${1:?$usage}"
ref="${2:?$usage}"
case "$what" in
  embed) size="${3:-1024}"; facet_args=(bench embed) ;;
  tune) size="${3:-256}"; facet_args=(bench tune --loss l2) ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
steps="${4:-2}"
here="$(cd "$(dirname "$0")/.." && pwd)"
cli="${FACET_CLI:-$here/build/app/facet-cli}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The reference gets every core too (Debian's PyTorch would otherwise use one thread here): a fair comparison.
ref_json=$(/usr/bin/python3 "$here/scripts/bench_reference_step.py" "$what" --reference "$ref" --size "$size" \
  --steps "$steps" --threads "$(nproc)" --save-checkpoint "$work/g.pt")
echo "reference: $ref_json"
facet_json=$("$cli" "${facet_args[@]}" --generator "$work/g.pt" --steps "$steps" --json 2>/dev/null | tr -d '\n ')
echo "facet: $facet_json"
plain_json="{}"
if [ "$what" = embed ] && [ "${FACET_BENCH_PLAIN:-0}" = 1 ]; then
  plain_json=$("$cli" bench embed --generator "$work/g.pt" --steps "$steps" --plain --json 2>/dev/null | tr -d '\n ')
  echo "facet plain path: $plain_json"
fi
/usr/bin/python3 - "$ref_json" "$facet_json" "$plain_json" <<'PY'
import json, sys
ref, fast, plain = (json.loads(a) for a in sys.argv[1:])
print(f"ms per {ref['step']} step at {ref['size']}²: facet {fast['ms_median']:.0f}, reference {ref['ms_median']:.0f}; "
      f"ratio facet / reference {fast['ms_median'] / ref['ms_median']:.3f}")
if "cpu_ms_median" in fast:
    print(f"CPU time per step (all threads; steadier on a shared machine): facet {fast['cpu_ms_median']:.0f}, "
          f"reference {ref['cpu_ms_median']:.0f}; ratio {fast['cpu_ms_median'] / ref['cpu_ms_median']:.3f}")
if "peak_rss_mb" in fast:
    print(f"peak memory: facet {fast['peak_rss_mb']:.0f} MB (whole process), reference {ref['peak_rss_mb']:.0f} MB")
if plain:
    print(f"facet plain path: {plain['ms_median']:.0f} ms per step "
          f"(ratio {plain['ms_median'] / ref['ms_median']:.3f}), peak {plain['peak_rss_mb']:.0f} MB")
PY
