#include "core/edit/edit_stack.h"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

#include "core/io/error.h"

namespace facet::edit {

std::vector<bool> default_layers(int64_t n_latent) {
  std::vector<bool> mask(static_cast<size_t>(n_latent), false);
  for (int64_t i = 0; i < n_latent && i <= 10; ++i) mask[static_cast<size_t>(i)] = true;
  return mask;
}

std::vector<bool> parse_layers(const std::string& text, int64_t n_latent) {
  if (text == "all") return std::vector<bool>(static_cast<size_t>(n_latent), true);
  std::vector<bool> mask(static_cast<size_t>(n_latent), false);
  std::stringstream in(text);
  std::string part;
  const std::regex range(R"(^\s*(\d{1,3})\s*(?:-\s*(\d{1,3}))?\s*$)");
  bool any = false;
  while (std::getline(in, part, ',')) {
    std::smatch m;
    if (!std::regex_match(part, m, range))
      throw Error("--layers: cannot read '" + part + "' (use e.g. 0-10, all, or 0,1,4-7)");
    const int64_t a = std::stoll(m[1]), b = m[2].matched ? std::stoll(m[2]) : a;
    if (a > b || b >= n_latent)
      throw Error("--layers: " + part + " is outside 0–" + std::to_string(n_latent - 1));
    for (int64_t i = a; i <= b; ++i) mask[static_cast<size_t>(i)] = true;
    any = true;
  }
  if (!any) throw Error("--layers: no layer given");
  return mask;
}

void Editor::set_transformer(int attribute, nn::LatentTransformer transformer) {
  transformers_.insert_or_assign(attribute, std::move(transformer));
}

bool Editor::has_transformer(int attribute) const { return transformers_.count(attribute) > 0; }

void Editor::set_direction(int attribute, LinearDirection direction) {
  directions_.insert_or_assign(attribute, std::move(direction));
}

bool Editor::has_direction(int attribute) const { return directions_.count(attribute) > 0; }

int Editor::load_directions(const std::string& path, torch::Device device) {
  DirectionSet set = edit::load_directions(path, device);
  for (auto& [k, d] : set.directions) set_direction(k, d);
  return static_cast<int>(set.directions.size());
}

EditMethod Editor::method_for(int attribute) const {
  if (has_transformer(attribute)) return EditMethod::Transformer;
  if (has_direction(attribute)) return EditMethod::Linear;
  return EditMethod::None;
}

const char* method_name(EditMethod method) {
  switch (method) {
    case EditMethod::Transformer: return "transformer";
    case EditMethod::Linear: return "linear";
    case EditMethod::None: break;
  }
  return "none";
}

int Editor::load_folder(const std::string& dir, torch::Device device) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error(dir + ": not a folder of tnet_<k>.pth.tar files");
  const std::regex name(R"(tnet_(\d{1,2})\.pth(\.tar)?)");
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::smatch m;
    const std::string file = entry.path().filename().string();
    if (!std::regex_match(file, m, name)) continue;
    const int k = std::stoi(m[1]);
    if (k >= 40) continue;
    set_transformer(k, nn::load_latent_transformer(entry.path().string(), device));
    ++count;
  }
  return count;
}

torch::Tensor Editor::apply(const torch::Tensor& wplus, const EditState& state) const {
  if (wplus.dim() != 3) throw Error("W+ must be [N, n_latent, dim]");
  if (!torch::isfinite(wplus).all().item<bool>()) throw Error("W+ holds NaN or infinite values");
  const int64_t n_latent = wplus.size(1);
  torch::Tensor w = wplus;
  for (const Edit& e : state.edits) {
    const double alpha = std::clamp(e.alpha, state.alpha_min, state.alpha_max);
    if (method_for(e.attribute) == EditMethod::None)
      throw Error("no latent transformer or linear direction for attribute " + std::to_string(e.attribute) +
                  " (load tnet_" + std::to_string(e.attribute) + ".pth.tar or a directions file)");
    if (alpha == 0.0) continue;
    w = edit_one(w, e.attribute, torch::full({w.size(0)}, alpha, w.options()));
  }
  const std::vector<bool> mask = state.edited_layers.empty() ? default_layers(n_latent) : state.edited_layers;
  if (static_cast<int64_t>(mask.size()) != n_latent) throw Error("layer mask does not match the W+ layers");
  std::vector<float> m(mask.begin(), mask.end());
  torch::Tensor keep = torch::tensor(m, w.options()).view({1, n_latent, 1});
  return keep * w + (1 - keep) * wplus;
}

torch::Tensor Editor::edit_one(const torch::Tensor& wplus, int attribute, const torch::Tensor& alpha,
                               EditMethod method) const {
  if (wplus.dim() != 3) throw Error("W+ must be [N, n_latent, dim]");
  if (method == EditMethod::None) method = method_for(attribute);
  if (method == EditMethod::Linear) {
    auto it = directions_.find(attribute);
    if (it == directions_.end()) throw Error("no linear direction for attribute " + std::to_string(attribute));
    return apply_direction(wplus, it->second, alpha);
  }
  auto it = transformers_.find(attribute);
  if (it == transformers_.end())
    throw Error("no latent transformer or linear direction for attribute " + std::to_string(attribute) +
                " (load tnet_" + std::to_string(attribute) + ".pth.tar or a directions file)");
  nn::LatentTransformer t = it->second;
  if (t->layers != wplus.size(1) || t->dim != wplus.size(2))
    throw Error("latent transformer for attribute " + std::to_string(attribute) + " is for " +
                std::to_string(t->layers) + "×" + std::to_string(t->dim) + " codes, the W+ is " +
                std::to_string(wplus.size(1)) + "×" + std::to_string(wplus.size(2)));
  return t->forward(wplus, alpha).view_as(wplus);
}

torch::Tensor morph(const torch::Tensor& a, const torch::Tensor& b, double lambda) {
  return lambda * a + (1 - lambda) * b;
}

torch::Tensor style_mix(const torch::Tensor& target, const torch::Tensor& source, int64_t from, int64_t to) {
  if (from < 0 || to > target.size(1) || from >= to) throw Error("style mix: bad layer range");
  torch::Tensor out = target.clone();
  out.slice(1, from, to).copy_(source.slice(1, from, to));
  return out;
}

torch::Tensor style_mix(const torch::Tensor& target, const torch::Tensor& source, const std::vector<bool>& layers,
                        double strength) {
  if (target.sizes() != source.sizes())
    throw Error("style mix: the two codes have different shapes (" + c10::str(target.sizes()) + " and " +
                c10::str(source.sizes()) + "); both must come from the same generator");
  if (static_cast<int64_t>(layers.size()) != target.size(1))
    throw Error("style mix: " + std::to_string(layers.size()) + " layer flags for a code of " +
                std::to_string(target.size(1)) + " layers");
  torch::Tensor out = target.clone();
  for (size_t l = 0; l < layers.size(); ++l) {
    if (!layers[l]) continue;
    const auto i = static_cast<int64_t>(l);
    if (strength == 1.0)
      out.select(1, i).copy_(source.select(1, i));
    else
      out.select(1, i).add_(source.select(1, i) - target.select(1, i), strength);
  }
  return out;
}

torch::Tensor slerp(const torch::Tensor& a, const torch::Tensor& b, double t) {
  if (a.sizes() != b.sizes()) throw Error("slerp: the two latents have different shapes");
  const auto an = a / a.norm(2, -1, true), bn = b / b.norm(2, -1, true);
  const auto omega = torch::acos((an * bn).sum(-1, true).clamp(-1 + 1e-7, 1 - 1e-7));
  const auto so = torch::sin(omega);
  // Nearly parallel vectors: the straight line is the arc.
  const auto linear = (1 - t) * a + t * b;
  const auto spherical = (torch::sin((1 - t) * omega) / so) * a + (torch::sin(t * omega) / so) * b;
  return torch::where(so.abs() < 1e-6, linear, spherical);
}

torch::Tensor expression_transfer(const torch::Tensor& a, const torch::Tensor& b, const torch::Tensor& c, double lambda) {
  return a + lambda * (c - b);
}

}  // namespace facet::edit
