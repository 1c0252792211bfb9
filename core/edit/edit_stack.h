#pragma once
// The edit stack: a pure function (W+, EditState) → W+ shared by the GUI, timelines, video and the CLI.
// Transformers apply in the order added, each with its α (T_a then T_b on the result, as the authors do); the
// layer mask then keeps unedited layers from the input (default: layers 0–10 edited, 11+ kept for colour and
// texture); α is clamped to a configurable range. An attribute without a transformer falls back to its linear
// direction (InterFaceGAN-style hyperplane normal, core/edit/linear_directions.h) when one is loaded.
#include <map>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/edit/linear_directions.h"
#include "core/nn/latent/latent_transformer.h"

namespace facet::edit {

struct Edit {
  int attribute = -1;       // CelebA index
  double alpha = 0.0;
};

struct EditState {
  std::vector<Edit> edits;
  std::vector<bool> edited_layers;  // empty: layers < 11 edited (the authors' choice), the rest kept
  double alpha_min = -3.0, alpha_max = 3.0;
};

// "0-10", "all", "0,1,2,5-7" → a mask over n_latent layers. Throws facet::Error on bad text.
std::vector<bool> parse_layers(const std::string& text, int64_t n_latent);
std::vector<bool> default_layers(int64_t n_latent);

// How an attribute is edited: its transformer when loaded, else its linear direction (the GUI's "linear" badge).
enum class EditMethod { None, Transformer, Linear };
const char* method_name(EditMethod method);  // "none", "transformer", "linear"

class Editor {
 public:
  // Transformers keyed by attribute index; loaded once, shared by every call.
  void set_transformer(int attribute, nn::LatentTransformer transformer);
  bool has_transformer(int attribute) const;
  // Loads every tnet_<k>.pth.tar in a folder (the authors' naming). Returns how many were found.
  int load_folder(const std::string& dir, torch::Device device = torch::kCPU);
  // Linear directions: the fallback for attributes without a transformer.
  void set_direction(int attribute, LinearDirection direction);
  bool has_direction(int attribute) const;
  // Loads every fitted direction of a directions file (facet-cli train directions). Returns how many.
  int load_directions(const std::string& path, torch::Device device = torch::kCPU);
  EditMethod method_for(int attribute) const;

  // wplus [N, n_latent, dim] on any device → edited W+ (same device). Throws facet::Error for an attribute with
  // neither a transformer nor a direction, or NaN input.
  torch::Tensor apply(const torch::Tensor& wplus, const EditState& state) const;
  // One attribute's edit by the given method (Transformer/Linear; None picks method_for), α per code [N] or one
  // number, no clamp and no layer mask: the building block of apply() and of the evaluation.
  torch::Tensor edit_one(const torch::Tensor& wplus, int attribute, const torch::Tensor& alpha,
                         EditMethod method = EditMethod::None) const;

 private:
  std::map<int, nn::LatentTransformer> transformers_;
  std::map<int, LinearDirection> directions_;
};

// Image2StyleGAN operations on W+.
torch::Tensor morph(const torch::Tensor& a, const torch::Tensor& b, double lambda);  // λ·a + (1 − λ)·b
// Layers [from, to) from `source`, the rest from `target` (style mixing / crossover).
torch::Tensor style_mix(const torch::Tensor& target, const torch::Tensor& source, int64_t from, int64_t to);
// The layers ticked in `layers` (n_latent flags) moved from `target` towards `source` by `strength` (1: taken
// whole, 0: untouched); the others stay exactly as in `target`.
torch::Tensor style_mix(const torch::Tensor& target, const torch::Tensor& source, const std::vector<bool>& layers,
                        double strength = 1.0);
// Spherical interpolation of latent vectors along their last dimension, t = 0 → a, t = 1 → b: the path for
// Gaussian Z samples, whose norms concentrate on a sphere (StyleGAN's path-length metric interpolates Z this way).
// W+ codes of photos are interpolated linearly (morph), as Image2StyleGAN does.
torch::Tensor slerp(const torch::Tensor& a, const torch::Tensor& b, double t);
// w_a + λ·(w_c − w_b): transfer the expression change b→c (another person's) onto a.
torch::Tensor expression_transfer(const torch::Tensor& a, const torch::Tensor& b, const torch::Tensor& c,
                                  double lambda = 1.0);

}  // namespace facet::edit
