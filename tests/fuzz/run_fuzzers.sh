#!/usr/bin/env bash
# Runs every libFuzzer target built in BUILD_DIR for SECONDS each, from its seed corpus (tests/fuzz/corpus/<name>,
# which also holds the inputs of crashes found and fixed: they are replayed first) and its dictionary when the
# format has keywords (tests/fuzz/dict/<name>.dict). New inputs go to a scratch folder, never into the repository.
# Fails on any crash, leak, undefined behaviour, timeout (10 s per input) or memory blow-up (2 GB); the input
# that failed is kept in BUILD_DIR/fuzz-artifacts/. Prints the executions per target.
# Targets run FACET_FUZZ_JOBS at a time (default: the number of cores).
# Usage: run_fuzzers.sh BUILD_DIR SECONDS [TARGET...]   (SECONDS 0: replay the corpus only)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$1" seconds="$2"
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_checkpoint fuzz_pickle fuzz_npy fuzz_photo fuzz_session fuzz_timeline fuzz_text_direction
           fuzz_clip_tokenizer fuzz_cli_args fuzz_model_manifest fuzz_slider_files)
fi
artifacts="$build/fuzz-artifacts"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$artifacts"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
# One OpenMP/LibTorch thread: the readers are single-threaded and the fuzzer's timing stays comparable.
export OMP_NUM_THREADS=1
# Targets run side by side, FACET_FUZZ_JOBS at a time (default: one per core); each gets its own SECONDS.
parallel="${FACET_FUZZ_JOBS:-$(nproc)}"
run_one() {
  local name="$1" bin="$build/tests/fuzz/$1" seed="$here/corpus/${1#fuzz_}" work="$scratch/$1"
  local log="$build/fuzz-$name.log" result="$scratch/$name.result"
  if [ ! -x "$bin" ]; then
    printf '%-22s FAILED (not built)\n' "$name" > "$result"
    return
  fi
  mkdir -p "$work"
  local budget=(-max_total_time="$seconds")
  [ "$seconds" = 0 ] && budget=(-runs=0)
  local args=("${budget[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
              -artifact_prefix="$artifacts/$name-")
  [ -f "$here/dict/${name#fuzz_}.dict" ] && args+=(-dict="$here/dict/${name#fuzz_}.dict")
  echo "fuzz: $name for ${seconds}s (log: $log)" >&2
  if "$bin" "${args[@]}" "$work" "$seed" >"$log" 2>&1; then
    local runs
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    printf '%-22s %10s executions in %ss\n' "$name" "${runs:-?}" "$seconds" > "$result"
  else
    printf '%-22s FAILED (see %s)\n' "$name" "$log" > "$result"
    grep -E "ERROR: |runtime error|SUMMARY|Test unit written" "$log" | head -8 >&2 || true
  fi
}
for name in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n || true; done
  run_one "$name" &
done
wait
failed=()
for name in "${targets[@]}"; do
  [ -f "$scratch/$name.result" ] || printf '%-22s FAILED (no result)\n' "$name" > "$scratch/$name.result"
  cat "$scratch/$name.result"
  if grep -q FAILED "$scratch/$name.result"; then failed+=("$name"); fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
