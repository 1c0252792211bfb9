#!/usr/bin/env bash
# Facet's StyleGAN2 against the reference PyTorch code, same machine, same run, same random config-f weights.
#   scripts/bench_generator.sh REFERENCE_DIR [SIZE] [DEVICE]
# REFERENCE_DIR: a checkout of rosinality/stylegan2-pytorch. FACET_PYTHON: the python with torch (default
# /usr/bin/python3, Debian's python3-torch). FACET_CLI: the facet-cli to time (default build/app/facet-cli).
# DEVICE cpu (default): the reference's ms/image and whole-process time (load, render, write the image), Facet's
# whole `facet-cli render` process time and its in-process ms/image, and the ratios.
# DEVICE cuda: both on the GPU, batch 1 and 8, float32, tf32, half and bfloat16, Facet in both layouts, one table
# (scripts/gpu_check.sh runs this comparison as part of its check).
set -euo pipefail
ref="${1:?usage: scripts/bench_generator.sh REFERENCE_DIR [SIZE] [DEVICE]}"
size="${2:-1024}"
device="${3:-cpu}"
here="$(cd "$(dirname "$0")/.." && pwd)"
cli="${FACET_CLI:-$here/build/app/facet-cli}"
python="${FACET_PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ "$device" != cpu ]; then
  "$python" -c 'import json, torch; print(json.dumps({"torch": torch.__version__, "cuda": torch.version.cuda,
    "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None}))' > "$work/torch.json"
  "$cli" bench generator --random "$size" --device "$device" --matrix --repeat 5 --json > "$work/facet.json"
  "$python" "$here/scripts/bench_reference_generator.py" --reference "$ref" --size "$size" --repeat 5 \
    --device "$device" --batch 1 8 --precision float32 tf32 half bfloat16 > "$work/reference.json"
  "$python" "$here/scripts/gpu_check_table.py" "$work/torch.json" "$work/facet.json" "$work/reference.json"
  exit 0
fi

# The reference gets every core too (Debian's PyTorch would otherwise use one thread here): a fair comparison.
ref_json=$("$python" "$here/scripts/bench_reference_generator.py" --reference "$ref" --size "$size" \
  --repeat 2 --threads "$(nproc)" --save-checkpoint "$work/g.pt" --save-wplus "$work/w.npy")
echo "reference: $ref_json"
# Whole processes, each the median of three runs, alternating so both see the same machine.
ms_of() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "($e - $s) * 1000" | bc; }
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
ref_runs=() facet_runs=()
for _ in 1 2 3; do
  ref_runs+=("$(ms_of "$python" "$here/scripts/bench_reference_generator.py" --reference "$ref" \
    --threads "$(nproc)" --render "$work/g.pt" --wplus "$work/w.npy" --out "$work/ref.png")")
  facet_runs+=("$(ms_of "$cli" render --generator "$work/g.pt" --wplus "$work/w.npy" --out "$work/out.png")")
done
ref_process_ms=$(median "${ref_runs[@]}")
process_ms=$(median "${facet_runs[@]}")
facet_json=$("$cli" bench generator --generator "$work/g.pt" --size "$size" --size 256 --repeat 3 --json 2>/dev/null)
echo "facet bench: $(echo "$facet_json" | tr -d '\n ' )"
ref_ms=$(echo "$ref_json" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["ms_median"])')
fast_ms=$(echo "$facet_json" | "$python" -c "import json,sys; d=json.load(sys.stdin); print([r['ms_median'] for r in d['results'] if r['size']==$size][0])")
echo "whole process (load + render + PNG), median of 3: facet-cli render ${process_ms} ms, reference ${ref_process_ms} ms"
"$python" - "$ref_ms" "$process_ms" "$fast_ms" "$ref_process_ms" <<'PY'
import sys
ref, proc, fast, ref_proc = map(float, sys.argv[1:])
print(f"ratio, whole facet-cli render process / whole reference process: {proc / ref_proc:.3f}")
print(f"ratio, whole facet-cli render process / reference ms per image:  {proc / ref:.3f} (reference {ref:.0f} ms)")
print(f"ratio, facet in-process synthesis / reference ms per image:      {fast / ref:.3f} ({fast:.0f} ms)")
PY
