#!/usr/bin/env bash
# Facet on a GPU, in one run: finds the machine's PyTorch, builds the LibTorch-only core against it, runs the
# gpu-labelled tests (every network on CUDA against the CPU, reduced precision's PSNR) and times the generator
# against the reference PyTorch code on the same GPU (random config-f weights), then prints one table.
#   scripts/gpu_check.sh [--cpu-dry-run] [--size N] [--repeat N] [--bundle DIR] [--build-dir DIR] [--jobs N]
# --cpu-dry-run: no GPU needed: the same steps on the CPU (a 256² generator, float32), to check the script.
# --bundle: what scripts/gpu_bundle.sh made (default .gpu-bundle): the headers, GoogleTest's sources and the
#   reference's model.py for a machine without Debian's packages; on the device machine, name it in `carry`.
# --build-dir: kept between runs (default build-gpu): a second run only rebuilds what changed.
# Environment: FACET_PYTHON (the python with torch; default python3, then /usr/bin/python3), FACET_TORCH_DIR (a
#   LibTorch to use instead of that python's), OUT (where the results go: gpu_check.log, gpu-tests.xml,
#   bench_facet.json, bench_reference.json, bench_preview_<dtype>.json, summary.txt, summary.json; default
#   build-gpu/gpu-check).
# Exit status: 0 when the build, every gpu test and both benchmarks passed; 1 otherwise, saying which step failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bundle="$here/.gpu-bundle"
build="$here/build-gpu"
dry_run=0 size="" repeat=5 jobs="$(nproc)"
while [ $# -gt 0 ]; do
  case "$1" in
    --cpu-dry-run) dry_run=1; shift ;;
    --size) size="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --bundle) bundle="$(cd "$2" && pwd)"; shift 2 ;;
    --build-dir) build="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "gpu_check: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$build" in /*) ;; *) build="$here/$build" ;; esac
if [ -z "$size" ]; then if [ "$dry_run" = 1 ]; then size=256; else size=1024; fi; fi
device=cuda
if [ "$dry_run" = 1 ]; then device=cpu; fi

results="${OUT:-$build/gpu-check}"
mkdir -p "$build" "$results"
exec > >(tee "$results/gpu_check.log") 2>&1
say() { printf '\n== gpu_check: %s (%ss)\n' "$*" "$SECONDS"; }
fail() { printf '\ngpu_check FAILED at %s (%ss); logs in %s\n' "$*" "$SECONDS" "$results"; exit 1; }

# 1. PyTorch: the python that has it, its version, CUDA and the LibTorch inside it.
say "PyTorch"
python=""
for candidate in "${FACET_PYTHON:-}" python3 /usr/bin/python3; do
  if [ -n "$candidate" ] && command -v "$candidate" >/dev/null && "$candidate" -c 'import torch' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
[ -n "$python" ] || fail "PyTorch: no python3 here imports torch (set FACET_PYTHON)"
torch_info="$("$python" - <<'PY'
import json, torch
cuda = torch.cuda.is_available()
print(json.dumps({
    "torch": torch.__version__, "cuda": torch.version.cuda, "cuda_available": cuda,
    "gpu": torch.cuda.get_device_name(0) if cuda else None,
    "prefix": torch.utils.cmake_prefix_path, "cxx11_abi": bool(torch.compiled_with_cxx11_abi())}))
PY
)"
echo "$torch_info" | tee "$build/torch.json"
field() { echo "$torch_info" | "$python" -c "import json,sys; v=json.load(sys.stdin)['$1']; print('' if v is None else v)"; }
if [ "$(field cuda_available)" != "True" ] && [ "$dry_run" = 0 ]; then
  fail "PyTorch: torch $(field torch) sees no CUDA device here (run on the GPU machine, or pass --cpu-dry-run)"
fi
prefix="${FACET_TORCH_DIR:-$(field prefix)}"
cmake_prefix=()
if [ -d "$prefix/Torch" ] || [ -f "$prefix/share/cmake/Torch/TorchConfig.cmake" ]; then
  cmake_prefix=("-DCMAKE_PREFIX_PATH=$prefix")
  echo "LibTorch from $prefix"
else
  echo "no LibTorch CMake files under '$prefix' (Debian's python3-torch has none): the system LibTorch is used"
fi
# Torch's CMake files look for the CUDA toolkit that built it.
if ! command -v nvcc >/dev/null && [ -x /usr/local/cuda/bin/nvcc ]; then export PATH="/usr/local/cuda/bin:$PATH"; fi

# 2. Configure the LibTorch-only core (Ninja when there is one), with the bundle for what the machine lacks.
say "configure $build"
generator=()
if [ ! -f "$build/CMakeCache.txt" ]; then
  if command -v ninja >/dev/null; then generator=(-G Ninja); else generator=(-G "Unix Makefiles"); fi
fi
bundled=()
if [ -d "$bundle/include" ]; then
  bundled=("-DFACET_BUNDLED_DEPS=$bundle")
else
  echo "no bundle at $bundle: spdlog, fmt, nlohmann-json, CLI11 and GoogleTest must be installed here"
fi
timeout 600 cmake -S "$here" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DFACET_BUILD_GUI=OFF \
  -DFACET_WITH_VISION=OFF -DFACET_BUILD_TESTS=ON "${cmake_prefix[@]}" "${bundled[@]}" > "$build/configure.log" 2>&1 ||
  { tail -40 "$build/configure.log"; fail "configure (whole log: $build/configure.log)"; }
grep -E "Facet [0-9]|Torch|from .*bundle|GoogleTest" "$build/configure.log" || true

# 3. Build the gpu tests and facet-cli (its `bench generator`).
say "build with $jobs jobs"
timeout 1500 cmake --build "$build" -j "$jobs" --target facet_gpu_tests facet-cli > "$build/build.log" 2>&1 ||
  { grep -E "error|Error" "$build/build.log" | head -30; tail -20 "$build/build.log"; fail "build (whole log: $build/build.log)"; }
echo "built: $build/tests/core/gpu/facet_gpu_tests, $build/app/facet-cli"

status=0
# 4. The gpu-labelled tests; face-api's models come from the bundle when it has them.
say "gpu tests"
if [ -d "$bundle/faceapi" ]; then export FACET_FACEAPI_DIR="$bundle/faceapi"; fi
junit="$results/gpu-tests.xml"
rm -f "$junit"
timeout 900 ctest --test-dir "$build" -L gpu --output-on-failure --output-junit "$junit" --timeout 600 \
  > "$build/gpu-tests.log" 2>&1 || status=1
# Failures' output, the PSNR lines and the counts; the whole ctest log stays in the build folder.
grep -vE "^ *[0-9]+/[0-9]+ Test +#|Skipped|SKIPPED|^\[ RUN|^\[       OK|^Running main|^Note: Google|^$" \
  "$build/gpu-tests.log" | tail -200 || true
if [ -f "$junit" ]; then "$python" "$here/scripts/test_report.py" "$junit" || true; fi
if [ "$dry_run" = 0 ] && grep -q "no CUDA device" "$build/gpu-tests.log"; then
  echo "the tests found no CUDA device although torch did: is libtorch_cuda linked? (ldd $build/tests/core/gpu/facet_gpu_tests)"
  status=1
fi
[ "$status" = 0 ] || echo "gpu tests: FAILED (log: $build/gpu-tests.log)"

# 5. Benchmarks: Facet's matrix, then the reference on the same device.
say "benchmark: facet-cli bench generator, ${size}², on $device"
facet_json="$results/bench_facet.json"
timeout 600 "$build/app/facet-cli" bench generator --random "$size" --device "$device" --matrix --repeat "$repeat" \
  --json > "$facet_json" || { status=1; echo "facet-cli bench generator: FAILED"; echo '{}' > "$facet_json"; }
# The editor's preview through its render backend (batch 1), with the generator in float32, half and bfloat16; only
# where facet-cli was built with the editor's (Qt) half, which this LibTorch-only build leaves out unless Qt is found.
if "$build/app/facet-cli" bench preview --help > /dev/null 2>&1; then
  dtypes=(float32 half bfloat16)
  if [ "$dry_run" = 1 ]; then dtypes=(float32); fi
  for dtype in "${dtypes[@]}"; do
    say "benchmark: facet-cli bench preview, ${size}², $dtype, on $device"
    timeout 600 "$build/app/facet-cli" bench preview --random "$size" --device "$device" --generator-dtype "$dtype" \
      --json > "$results/bench_preview_$dtype.json" || { status=1; echo "facet-cli bench preview ($dtype): FAILED"; }
  done
else
  echo "facet-cli has no bench preview (built without the editor's Qt half): the preview is not timed"
fi
reference_json="$results/bench_reference.json"
if [ -f "$bundle/reference/model.py" ]; then
  say "benchmark: the reference (rosinality model.py), ${size}², on $device"
  precisions=(float32 tf32 half bfloat16)
  if [ "$dry_run" = 1 ]; then precisions=(float32); fi
  timeout 900 "$python" "$here/scripts/bench_reference_generator.py" --reference "$bundle/reference" --size "$size" \
    --repeat "$repeat" --device "$device" --batch 1 8 --precision "${precisions[@]}" --threads "$(nproc)" \
    > "$reference_json" || { status=1; echo "the reference's benchmark: FAILED"; echo '{}' > "$reference_json"; }
else
  echo "no $bundle/reference/model.py: the reference is not timed (scripts/gpu_bundle.sh --reference DIR)"
  echo '{}' > "$reference_json"
fi

# 6. One table.
say "summary"
"$python" "$here/scripts/gpu_check_table.py" "$build/torch.json" "$facet_json" "$reference_json" "$junit" \
  | tee "$results/summary.txt"
if [ "$status" = 0 ]; then echo "gpu_check: all steps passed (${SECONDS}s)"; else echo "gpu_check: some steps FAILED (${SECONDS}s)"; fi
exit "$status"
