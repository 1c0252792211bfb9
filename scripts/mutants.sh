#!/usr/bin/env bash
# Mutation check of the core/nn and core/edit suites: each hand-made mutant (a sign flip, an off-by-one layer, a
# swapped operand) is applied to a clean copy of its file, the suite that should notice it is built and run, and the
# file is restored. A mutant is killed when its suite fails (or no longer builds). Prints one line per mutant and
# the score; exits 1 when a mutant survives.
# Usage: scripts/mutants.sh [BUILD_DIR] [FIRST-LAST]   (BUILD_DIR: a configured build, default build/; FIRST-LAST:
#        only those mutants, 1-based, e.g. 1-5). Each mutant rebuilds one library and its tests: minutes each.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
range="${2:-}"

# file @@ text in the file (exactly once) @@ mutated text @@ test target @@ ctest regex
mutants=(
  "core/edit/edit_stack.cpp @@ return lambda * a + (1 - lambda) * b; @@ return lambda * b + (1 - lambda) * a; @@ facet_edit_tests @@ TwoFaces"
  "core/edit/edit_stack.cpp @@ return a + lambda * (c - b); @@ return a + lambda * (b - c); @@ facet_edit_tests @@ TwoFaces"
  "core/edit/edit_stack.cpp @@ (torch::sin(t * omega) / so) * b; @@ (torch::sin(t * omega) / so) * a; @@ facet_edit_tests @@ TwoFaces"
  "core/edit/edit_stack.cpp @@ return torch::where(so.abs() < 1e-6, linear, spherical); @@ return linear; @@ facet_edit_tests @@ TwoFaces"
  "core/edit/edit_stack.cpp @@ return keep * w + (1 - keep) * wplus; @@ return keep * wplus + (1 - keep) * w; @@ facet_edit_tests @@ Edit"
  "core/edit/edit_stack.cpp @@ for (int64_t i = a; i <= b; ++i) @@ for (int64_t i = a; i < b; ++i) @@ facet_edit_tests @@ Layers|Edit"
  "core/edit/edit_stack.cpp @@ if (a > b || b >= n_latent) @@ if (a > b || b > n_latent) @@ facet_edit_tests @@ Layers|Edit"
  "core/edit/edit_stack.cpp @@ source.select(1, i) - target.select(1, i), strength @@ target.select(1, i) - source.select(1, i), strength @@ facet_edit_tests @@ TwoFaces"
  "core/edit/two_faces.cpp @@ if (text == \"coarse\") range(0, 4); @@ if (text == \"coarse\") range(0, 5); @@ facet_edit_tests @@ TwoFaces"
  "core/edit/two_faces.cpp @@ else if (text == \"middle\") range(4, 8); @@ else if (text == \"middle\") range(3, 8); @@ facet_edit_tests @@ TwoFaces"
  "core/edit/linear_directions.cpp @@ return wplus + (a * d.scale) * d.normal @@ return wplus - (a * d.scale) * d.normal @@ facet_edit_tests @@ Direction"
  "core/edit/linear_directions.cpp @@ return w.mv(d.normal.to(w.options()).reshape({-1})) + d.offset; @@ return w.mv(d.normal.to(w.options()).reshape({-1})) - d.offset; @@ facet_edit_tests @@ Direction"
  "core/nn/latent/latent_transformer.cpp @@ return w + a * delta(w); @@ return w - a * delta(w); @@ facet_latent_tests @@ Latent"
  "core/nn/stylegan2/layers.cpp @@ negative_slope(0.2)) * @@ negative_slope(0.02)) * @@ facet_stylegan2_tests @@ StyleGan2"
  "core/nn/stylegan2/layers.cpp @@ return k2 / k2.sum() * (factor * factor); @@ return k2 / k2.sum() * factor; @@ facet_stylegan2_tests @@ StyleGan2"
  "core/nn/stylegan2/layers.cpp @@ torch::Tensor d = torch::rsqrt(wt.pow(2).sum({2, 3, 4}) + 1e-8); @@ torch::Tensor d = torch::rsqrt(wt.pow(2).sum({2, 3}) .sum({2}) + 1e-2); @@ facet_stylegan2_tests @@ StyleGan2"
  "core/nn/stylegan2/layers.cpp @@ const torch::Tensor factor = style.view({n, in_channels}) * scale; @@ const torch::Tensor factor = style.view({n, in_channels}).flip({1}) * scale; @@ facet_stylegan2_tests @@ StyleGan2Layout"
  "core/nn/stylegan2/synthesis_grad.cpp @@ gf = gf - f * torch::mv(squared.t(), ag.demod_sum * demod.pow(2)); @@ gf = gf + f * torch::mv(squared.t(), ag.demod_sum * demod.pow(2)); @@ facet_stylegan2_tests @@ StyleGan2Grad"
  "core/nn/stylegan2/synthesis_grad.cpp @@ grads[style_index] = (gf * conv.scale).view({1, conv.in_channels}); @@ grads[style_index] = (gf * conv.scale).flip({0}).view({1, conv.in_channels}); @@ facet_stylegan2_tests @@ StyleGan2Grad"
  "core/nn/stylegan2/synthesis_grad.cpp @@ const torch::Tensor w = conv.weight[0];  // [out, in, k, k] @@ const torch::Tensor w = conv.weight[0].flip({0});  // [out, in, k, k] @@ facet_stylegan2_tests @@ StyleGan2Grad"
  "core/nn/stylegan2/backward_ops.cpp @@ const float gain[2] = {kSlope * kGain, kGain} @@ const float gain[2] = {kGain, kSlope * kGain} @@ facet_stylegan2_tests @@ StyleGan2"
  "core/nn/stylegan2/backward_ops.cpp @@ for (int64_t r = first; r < last; ++r) body(r * pixels / ranges, (r + 1) * pixels / ranges @@ for (int64_t r = first; r < last; ++r) body(r * pixels / ranges, (r + 1) * pixels / ranges - (r == 0) @@ facet_stylegan2_tests @@ StyleGan2"
)

cd "$here"
first=1 last=${#mutants[@]}
if [ -n "$range" ]; then first="${range%-*}" last="${range#*-}"; fi
killed=0 survived=0 survivors=()
for i in $(seq "$first" "$last"); do
  IFS=$'\x01' read -r file original mutated target regex <<< "${mutants[$((i - 1))]// @@ /$'\x01'}"
  if ! git diff --quiet -- "$file"; then echo "mutant $i: $file has uncommitted changes; skipped" >&2; continue; fi
  if ! python3 - "$file" "$original" "$mutated" <<'EOF'
import sys
path, old, new = sys.argv[1:4]
text = open(path).read()
if text.count(old) != 1:
    sys.exit(f"{path}: the text to mutate occurs {text.count(old)} times")
open(path, "w").write(text.replace(old, new))
EOF
  then echo "mutant $i: not applied (the code changed?)" >&2; continue; fi
  verdict="survived"
  if ! cmake --build "$build" --target "$target" -j "${FACET_JOBS:-2}" > /tmp/mutant_build.log 2>&1; then
    verdict="killed (no longer builds)"
  elif ! (cd "$build" && OMP_NUM_THREADS=1 ctest -R "$regex" --stop-on-failure -j "${FACET_JOBS:-2}" > /tmp/mutant_test.log 2>&1); then
    verdict="killed ($(grep -m1 -o '[A-Za-z0-9_]*\.[A-Za-z0-9_]* \.*\*\*\*Failed' /tmp/mutant_test.log | cut -d' ' -f1))"
  fi
  git checkout -- "$file"
  if [ "$verdict" = survived ]; then survived=$((survived + 1)); survivors+=("$i"); else killed=$((killed + 1)); fi
  printf 'mutant %2d %-40s %s\n' "$i" "$file" "$verdict"
done
git -C "$here" diff --quiet -- core || echo "warning: core/ has changes after the run" >&2
echo "mutation score: $killed killed, $survived survived${survivors:+ (${survivors[*]})}"
[ "$survived" -eq 0 ]
