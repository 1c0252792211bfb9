#include "core/edit/two_faces.h"

#include <algorithm>

#include <torch/torch.h>

#include "core/edit/edit_stack.h"
#include "core/io/error.h"

namespace facet::edit {

bool TwoFaces::active() const {
  switch (mode) {
    case TwoFaceMode::Morph:
    case TwoFaceMode::Mix: return second.defined();
    case TwoFaceMode::Expression: return neutral.defined() && expressive.defined();
    case TwoFaceMode::None: break;
  }
  return false;
}

double resting_amount(TwoFaceMode mode) { return mode == TwoFaceMode::Morph ? 1.0 : 0.0; }

double starting_amount(TwoFaceMode mode) {
  switch (mode) {
    case TwoFaceMode::Morph: return 0.5;
    case TwoFaceMode::Mix:
    case TwoFaceMode::Expression: return 1.0;
    case TwoFaceMode::None: break;
  }
  return 0.0;
}

namespace {
// `code` on w's device and type, checked to have w's layers and width (broadcast over w's batch).
torch::Tensor as_code_of(const torch::Tensor& code, const torch::Tensor& w, const char* what) {
  torch::Tensor c = code.dim() == 2 ? code.unsqueeze(0) : code;
  if (c.dim() != 3 || c.size(0) != 1 || c.size(1) != w.size(1) || c.size(2) != w.size(2))
    throw Error(std::string("the ") + what + " face's code has shape " + c10::str(code.sizes()) +
                "; the edited face's has " + c10::str(w.sizes()) + " (both must come from the same generator)");
  return c.to(w.device(), w.scalar_type());
}
}  // namespace

torch::Tensor apply_two_faces(const torch::Tensor& wplus, const TwoFaces& two) {
  if (!two.active()) return wplus;
  switch (two.mode) {
    case TwoFaceMode::Morph: return morph(wplus, as_code_of(two.second, wplus, "second"), two.amount);
    case TwoFaceMode::Mix: {
      const std::vector<bool> layers =
          two.mix_layers.empty() ? mix_layer_preset("coarse", wplus.size(1)) : two.mix_layers;
      return style_mix(wplus, as_code_of(two.second, wplus, "second").expand_as(wplus), layers, two.amount);
    }
    case TwoFaceMode::Expression:
      return expression_transfer(wplus, as_code_of(two.neutral, wplus, "neutral"),
                                 as_code_of(two.expressive, wplus, "expressive"), two.amount);
    case TwoFaceMode::None: break;
  }
  return wplus;
}

std::vector<bool> mix_layer_preset(const std::string& text, int64_t n_latent) {
  std::vector<bool> mask(static_cast<size_t>(n_latent), false);
  const auto range = [&](int64_t from, int64_t to) {
    for (int64_t l = from; l < std::min(to, n_latent); ++l) mask[static_cast<size_t>(l)] = true;
  };
  if (text == "coarse") range(0, 4);
  else if (text == "middle") range(4, 8);
  else if (text == "fine") range(8, n_latent);
  else return parse_layers(text, n_latent);
  return mask;
}

}  // namespace facet::edit
