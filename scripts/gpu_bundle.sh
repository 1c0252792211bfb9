#!/usr/bin/env bash
# Fills the folder scripts/gpu_check.sh takes to a GPU machine that has pip's torch, a C++ compiler and cmake, but
# neither Debian's packages nor a network. Run it here, on Debian 12 with ./facet.sh deps done:
#   scripts/gpu_bundle.sh [--reference DIR] [--faceapi DIR] [OUT]
# OUT (default: .gpu-bundle in the repository, ignored by git) receives
#   include/     spdlog, fmt, nlohmann-json and CLI11 headers (the build uses spdlog and fmt header-only)
#   googletest/  GoogleTest's sources (libgtest-dev), built there with LibTorch's C++ ABI flag
#   licenses/    the Debian copyright files of those packages
#   reference/   rosinality/stylegan2-pytorch's model.py and op/ (for timing the reference on the same GPU);
#                DIR is a checkout or a git directory of it ($FACET_REFERENCE_DIR); absent: Facet alone is timed
#   faceapi/     face-api.js's recognition, age/gender and expression model files, so their CUDA test runs there;
#                DIR is @vladmandic/face-api's model/ folder ($FACET_FACEAPI_DIR, else what ./facet.sh test fetched,
#                else the user's models folder); absent: that test skips, saying why
# Nothing here is committed: the device tool takes the folder along when its run names it in `carry`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reference="${FACET_REFERENCE_DIR:-}"
faceapi="${FACET_FACEAPI_DIR:-}"
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --reference) reference="$2"; shift 2 ;;
    --faceapi) faceapi="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "gpu_bundle: unknown option $1" >&2; exit 2 ;;
    *) out="$1"; shift ;;
  esac
done
out="${out:-$here/.gpu-bundle}"
say() { printf '\033[1mgpu_bundle:\033[0m %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

rm -rf "$out.tmp"
mkdir -p "$out.tmp/include" "$out.tmp/licenses"
manifest="$out.tmp/MANIFEST.txt"
echo "made by scripts/gpu_bundle.sh on $(date -u +%Y-%m-%dT%H:%MZ) from $(uname -n)" > "$manifest"

# Header-only libraries, each from its Debian package.
for entry in spdlog:libspdlog-dev fmt:libfmt-dev nlohmann:nlohmann-json3-dev CLI:libcli11-dev; do
  dir="${entry%%:*}" package="${entry#*:}"
  [ -d "/usr/include/$dir" ] || die "/usr/include/$dir is missing: install $package (./facet.sh deps)"
  cp -r "/usr/include/$dir" "$out.tmp/include/"
  cp "/usr/share/doc/$package/copyright" "$out.tmp/licenses/$package.copyright" 2>/dev/null || true
  echo "include/$dir: $package $(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || echo '?')" >> "$manifest"
done

# GoogleTest's sources (Debian's libgtest-dev ships them for exactly this).
[ -f /usr/src/googletest/CMakeLists.txt ] || die "/usr/src/googletest is missing: install libgtest-dev (./facet.sh deps)"
mkdir -p "$out.tmp/googletest"
(cd /usr/src/googletest && tar --exclude=docs -cf - .) | (cd "$out.tmp/googletest" && tar -xf -)
cp /usr/share/doc/libgtest-dev/copyright "$out.tmp/licenses/libgtest-dev.copyright" 2>/dev/null || true
echo "googletest: libgtest-dev $(dpkg-query -W -f='${Version}' libgtest-dev 2>/dev/null || echo '?')" >> "$manifest"

# The reference generator: model.py, op/ and its licences, from a checkout or a git directory.
if [ -n "$reference" ]; then
  mkdir -p "$out.tmp/reference"
  if [ -f "$reference/model.py" ] && [ -d "$reference/op" ]; then
    cp -r "$reference/model.py" "$reference/op" "$out.tmp/reference/"
    cp "$reference"/LICENSE* "$out.tmp/reference/" 2>/dev/null || true
  elif git -C "$reference" rev-parse --git-dir >/dev/null 2>&1; then
    files=(model.py op)
    for f in LICENSE LICENSE-NVIDIA; do git -C "$reference" cat-file -e "HEAD:$f" 2>/dev/null && files+=("$f"); done
    git -C "$reference" archive HEAD "${files[@]}" | tar -x -C "$out.tmp/reference"
  else
    die "--reference $reference is neither a checkout (model.py, op/) nor a git directory of rosinality/stylegan2-pytorch"
  fi
  echo "reference: rosinality/stylegan2-pytorch from $reference ($(git -C "$reference" rev-parse --short HEAD 2>/dev/null || echo 'no git'))" >> "$manifest"
else
  say "no reference checkout (--reference DIR or FACET_REFERENCE_DIR): gpu_check will time Facet alone"
fi

# face-api.js's three analysis models.
if [ -z "$faceapi" ]; then
  for candidate in "$here/build/faceapi/package/model" "$here/build-core/faceapi/package/model" \
                   "${XDG_DATA_HOME:-$HOME/.local/share}/facet/models/face-api"; do
    if [ -f "$candidate/face_recognition_model-weights_manifest.json" ]; then faceapi="$candidate"; break; fi
  done
fi
if [ -n "$faceapi" ] && [ -f "$faceapi/face_recognition_model-weights_manifest.json" ]; then
  mkdir -p "$out.tmp/faceapi"
  for model in face_recognition_model age_gender_model face_expression_model; do
    cp "$faceapi/$model"-weights_manifest.json "$faceapi/$model"*.bin "$out.tmp/faceapi/" 2>/dev/null ||
      cp "$faceapi/$model"* "$out.tmp/faceapi/"
  done
  echo "faceapi: from $faceapi" >> "$manifest"
else
  say "no face-api model files (--faceapi DIR or FACET_FACEAPI_DIR): their CUDA test will skip there"
fi

rm -rf "$out"
mv "$out.tmp" "$out"
size=$(du -sm "$out" | cut -f1)
say "wrote $out (${size} MiB; the device tool takes at most 64 MiB with the working tree)"
cat "$out/MANIFEST.txt" >&2
