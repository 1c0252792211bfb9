#pragma once
// A text-driven edit as a slider: what StyleCLIP produced for a prompt, applied with a strength α.
//  - Latent kind (latent optimisation, latent mapper): Δ in W+ ([n_latent, style_dim]); w' = w + α·Δ
//    (α = 1 gives the optimised/mapped code itself).
//  - Style kind (global directions): Δs over the generator's style vectors, concatenated in synthesis order
//    (StyleGan2::styles); s' = s + α·Δs, rendered with synthesis_from_styles.
// Saved as JSON (prompt, kind, method, shapes, values) so sessions and timelines can embed or reference it.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <torch/types.h>

namespace facet::nn {
struct GeneratorConfig;
}

namespace facet::edit {

enum class TextDirectionKind { Latent, Style };

struct TextDirection {
  std::string prompt;                 // the target text, e.g. "a face with curly hair"
  std::string neutral;                // global directions: the neutral text ("a face"); else empty
  std::string method;                 // "optimisation", "global", "mapper"
  TextDirectionKind kind = TextDirectionKind::Latent;
  torch::Tensor delta;                // Latent: [n_latent, style_dim]; Style: [sum of style_sizes]
  std::vector<int64_t> style_sizes;   // Style: channels per style vector, synthesis order
  std::string generator;              // the generator it was made for (file name, informative)
  double alpha_min = -3.0, alpha_max = 3.0;  // the slider's range
};

const char* kind_name(TextDirectionKind kind);

// The JSON form (what the file holds), for sessions and timelines that embed a direction instead of naming a file.
// from_json throws facet::Error naming `what` when the object is not a text direction.
nlohmann::json text_direction_to_json(const TextDirection& direction);
TextDirection text_direction_from_json(const nlohmann::json& j, const std::string& what);

// Atomic write; throws facet::Error on failure. load throws facet::Error naming the file when it is not one.
void save_text_direction(const std::string& path, const TextDirection& direction);
TextDirection load_text_direction(const std::string& path);

// w' = w + α·Δ for W+ [N, n_latent, dim] (or [n_latent, dim]); α is clamped to the direction's range.
// Throws facet::Error for a Style direction or a shape mismatch.
torch::Tensor apply_latent_direction(const TextDirection& direction, const torch::Tensor& wplus, double alpha);
// s' = s + α·Δs; throws facet::Error for a Latent direction or style sizes that do not match.
std::vector<torch::Tensor> apply_style_direction(const TextDirection& direction, const std::vector<torch::Tensor>& styles,
                                                 double alpha);

// The length of each style vector of a generator with this configuration, in synthesis order (conv1, to_rgb1,
// then per block conv_up, conv, to_rgb: each its input's channels), as StyleGan2::styles returns them; worked out
// from the shapes, so checking a direction against a generator runs no network.
std::vector<int64_t> style_sizes(const nn::GeneratorConfig& config);
// Whether `direction` was made for a generator of this configuration (its W+ or its style vectors).
bool fits_generator(const TextDirection& direction, const nn::GeneratorConfig& config);

}  // namespace facet::edit
