#pragma once
// One Image2StyleGAN operation between the edited face and other faces, as the editor, the session file and the
// timeline hold it: morph towards a second face (w = λ·w + (1 − λ)·w₂), mix layers of a second face in (style
// mixing, with strength) or transfer an expression (w + λ·(w_expressive − w_neutral)). It runs first in the edit
// order (core/edit/edit_render.h): it decides which face the attribute and text sliders then edit.
#include <string>
#include <vector>

#include <torch/types.h>

namespace facet::edit {

enum class TwoFaceMode { None, Morph, Mix, Expression };
const char* two_face_mode_name(TwoFaceMode mode);  // "none", "morph", "mix", "expression"
TwoFaceMode parse_two_face_mode(const std::string& text);  // facet::Error for anything else

struct TwoFaces {
  TwoFaceMode mode = TwoFaceMode::None;
  // Morph: λ, the weight of the edited face (1 = the edited face, 0 = the second). Mix: strength (1 = the layers
  // taken whole). Expression: λ, how much of the expression change is added.
  double amount = 0;
  std::vector<bool> mix_layers;       // mix: the layers taken from the second face (n_latent flags)
  torch::Tensor second;               // morph, mix: [1, n_latent, dim]
  torch::Tensor neutral, expressive;  // expression: [1, n_latent, dim] each

  // The mode is set and every code it needs is there (otherwise apply_two_faces changes nothing).
  bool active() const;
};

// The amount at which a mode leaves the face unchanged (morph 1, mix and expression 0): where a new operation
// starts moving from.
double resting_amount(TwoFaceMode mode);
// A fresh operation's amount when the user picks a mode: halfway for a morph, whole layers for a mix, the whole
// expression change.
double starting_amount(TwoFaceMode mode);

// wplus [N, n_latent, dim] → the code with the operation applied (the other codes moved to its device and type);
// wplus itself when the operation is not active. facet::Error when a code's shape differs from wplus's layers.
torch::Tensor apply_two_faces(const torch::Tensor& wplus, const TwoFaces& two);

// "coarse" 0–3 (pose, face shape), "middle" 4–7 (features), "fine" 8+ (colour, texture), or parse_layers' lists
// ("0-3,6", "all") → n_latent flags. facet::Error on bad text.
std::vector<bool> mix_layer_preset(const std::string& text, int64_t n_latent);

}  // namespace facet::edit
