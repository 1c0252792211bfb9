#pragma once
// Several text sliders at once: each a TextDirection with its α. Latent directions add to W+ (w + Σ α·Δ), style
// directions to the generator's style vectors (s + Σ α·Δs), in that order, so the editor, the timeline renderer
// and the CLI render the same image for the same sliders. Sliders at α = 0 cost nothing.
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/edit/text_direction.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::edit {

struct TextEdit {
  std::shared_ptr<const TextDirection> direction;
  double alpha = 0;
};

// The code to synthesise after text edits: the W+ (latent directions applied) and, when any style direction is
// active, the styles of that W+ with the style directions added (else empty: synthesise from W+).
struct TextEditedCode {
  torch::Tensor wplus;                // [N, n_latent, dim]
  std::vector<torch::Tensor> styles;  // empty unless a style direction has α ≠ 0
};

bool has_active_text_edits(const std::vector<TextEdit>& edits);

// wplus: [N, n_latent, dim] on the generator's device (every sample gets the same edits). facet::Error when a
// direction does not fit the generator.
TextEditedCode apply_text_edits(const nn::StyleGan2& generator, const torch::Tensor& wplus,
                                const std::vector<TextEdit>& edits);

// The image of `code`: synthesis_from_styles when it carries styles, else synthesis of the W+.
torch::Tensor synthesise_text_edited(const nn::StyleGan2& generator, const TextEditedCode& code,
                                     const nn::SynthesisOptions& options);

// Stacks per-sample codes (each N = 1) into one batch; styles are filled in for samples without style edits when
// any sample has them, so the whole batch goes through synthesis_from_styles in one call.
TextEditedCode stack_text_edited(const nn::StyleGan2& generator, const std::vector<TextEditedCode>& codes);

}  // namespace facet::edit
