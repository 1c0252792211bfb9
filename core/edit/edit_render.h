#pragma once
// The edit stack in its one order, shared by the editor, the CLI, timelines and video: the two-face operation
// (morph, layer mixing or expression transfer with other faces: it decides which face is edited), then the
// attribute edits (each attribute's transformer, else its linear direction, on the edited layers; the other layers
// keep the two-face result), then the text sliders (latent directions on W+, then style directions on the styles),
// then the generator.
#include <vector>

#include <torch/types.h>

#include "core/edit/edit_stack.h"
#include "core/edit/text_edits.h"
#include "core/edit/two_faces.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::edit {

// The attribute edits of one α per attribute (catalogue order): α = 0 and attributes the editor cannot move
// (neither transformer nor direction) are left out, so sliders of missing models are inert instead of failing.
EditState attribute_edits(const std::vector<float>& alphas, const Editor& editor,
                          const std::vector<bool>& edited_layers = {});

// wplus [N, n_latent, dim] on the generator's device → the edited code (two faces, attribute edits, text sliders).
TextEditedCode edit_code(const nn::StyleGan2& generator, const Editor& editor, const torch::Tensor& wplus,
                         const EditState& state, const std::vector<TextEdit>& text = {},
                         const TwoFaces& two_faces = TwoFaces{});

// The edited code's image [N, 3, S, S] in [-1, 1].
torch::Tensor render_edit(const nn::StyleGan2& generator, const Editor& editor, const torch::Tensor& wplus,
                          const EditState& state, const std::vector<TextEdit>& text = {},
                          const nn::SynthesisOptions& synthesis = {}, const TwoFaces& two_faces = TwoFaces{});

}  // namespace facet::edit
