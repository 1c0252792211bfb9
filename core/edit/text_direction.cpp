#include "core/edit/text_direction.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::edit {

namespace {
// A list of whole numbers: the JSON library would convert 1e300 or 2.5 to int64_t, which is undefined or lossy.
std::vector<int64_t> whole_numbers(const nlohmann::json& j, const char* key, const std::string& what) {
  const auto it = j.find(key);
  if (it == j.end()) return {};
  if (!it->is_array()) throw Error(what + ": '" + key + "' must be a list of whole numbers");
  std::vector<int64_t> out;
  for (const auto& v : *it) {
    if (!v.is_number_integer()) throw Error(what + ": '" + key + "' must be a list of whole numbers");
    out.push_back(v.get<int64_t>());
  }
  return out;
}
}  // namespace

const char* kind_name(TextDirectionKind kind) { return kind == TextDirectionKind::Latent ? "latent" : "style"; }

nlohmann::json text_direction_to_json(const TextDirection& d) {
  if (!d.delta.defined()) throw Error("text direction for \"" + d.prompt + "\" has no values");
  const torch::Tensor flat = d.delta.detach().to(torch::kCPU, torch::kFloat32).contiguous().view(-1);
  nlohmann::json j;
  j["format"] = "facet-text-direction";
  j["version"] = 1;
  j["prompt"] = d.prompt;
  j["neutral"] = d.neutral;
  j["method"] = d.method;
  j["kind"] = kind_name(d.kind);
  j["shape"] = d.delta.sizes().vec();
  j["style_sizes"] = d.style_sizes;
  j["generator"] = d.generator;
  j["alpha_range"] = {d.alpha_min, d.alpha_max};
  const float* p = flat.data_ptr<float>();
  j["values"] = std::vector<float>(p, p + flat.numel());
  return j;
}

TextDirection text_direction_from_json(const nlohmann::json& j, const std::string& what) {
  // value() would throw for a "format" that is not a string: read it only when it is one.
  const auto format = j.is_object() ? j.find("format") : j.end();
  if (format == j.end() || !format->is_string() || format->get<std::string>() != "facet-text-direction")
    throw Error(what + ": not a Facet text direction (no \"format\": \"facet-text-direction\")");
  try {
    TextDirection d;
    d.prompt = j.at("prompt").get<std::string>();
    d.neutral = j.value("neutral", "");
    d.method = j.value("method", "");
    const std::string kind = j.at("kind").get<std::string>();
    if (kind != "latent" && kind != "style") throw Error(what + ": unknown direction kind '" + kind + "'");
    d.kind = kind == "latent" ? TextDirectionKind::Latent : TextDirectionKind::Style;
    if (!j.contains("shape")) throw Error(what + ": no 'shape'");
    const auto shape = whole_numbers(j, "shape", what);
    auto values = j.at("values").get<std::vector<float>>();
    // Sizes are checked before they are multiplied: a negative size, or a product past int64, is not a shape.
    int64_t count = 1;
    for (int64_t s : shape) {
      if (s < 0 || (s > 0 && count > std::numeric_limits<int64_t>::max() / s))
        throw Error(what + ": the shape " + nlohmann::json(shape).dump() + " is not a tensor's shape");
      count *= s;
    }
    if (count != static_cast<int64_t>(values.size()))
      throw Error(what + ": " + std::to_string(values.size()) + " values for shape of " + std::to_string(count));
    d.delta = torch::from_blob(values.data(), {static_cast<int64_t>(values.size())}, torch::kFloat32).clone().view(shape);
    d.style_sizes = whole_numbers(j, "style_sizes", what);
    d.generator = j.value("generator", "");
    const auto range = j.value("alpha_range", std::vector<double>{-3.0, 3.0});
    if (range.size() == 2) {
      d.alpha_min = range[0];
      d.alpha_max = range[1];
    }
    if (d.kind == TextDirectionKind::Style) {
      int64_t total = 0;
      for (int64_t s : d.style_sizes) {
        if (s < 0 || s > d.delta.numel()) throw Error(what + ": a style size is negative or larger than the values");
        total += s;  // each at most numel, so no overflow before the sum passes numel
        if (total > d.delta.numel()) break;
      }
      if (total != d.delta.numel()) throw Error(what + ": style sizes do not add up to the number of values");
    }
    return d;
  } catch (const nlohmann::json::exception& e) {
    throw Error(what + ": malformed text direction (" + e.what() + ")");
  }
}

void save_text_direction(const std::string& path, const TextDirection& d) {
  io::write_file_atomic(path, text_direction_to_json(d).dump());
}

TextDirection load_text_direction(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open the text direction file");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    throw Error(path + ": not a Facet text direction (JSON error: " + e.what() + ")");
  }
  return text_direction_from_json(j, path);
}

torch::Tensor apply_latent_direction(const TextDirection& d, const torch::Tensor& wplus, double alpha) {
  if (d.kind != TextDirectionKind::Latent)
    throw Error("\"" + d.prompt + "\" is a style-space direction (global directions): apply it to styles");
  const torch::Tensor w = wplus.dim() == 2 ? wplus.unsqueeze(0) : wplus;
  if (w.dim() != 3 || d.delta.dim() != 2 || w.size(1) != d.delta.size(0) || w.size(2) != d.delta.size(1))
    throw Error("text direction \"" + d.prompt + "\" has shape " + c10::str(d.delta.sizes()) + " but W+ is " +
                c10::str(wplus.sizes()) + "; it was made for another generator");
  const double a = std::clamp(alpha, d.alpha_min, d.alpha_max);
  const torch::Tensor out = w + a * d.delta.to(w.device(), w.scalar_type()).unsqueeze(0);
  return wplus.dim() == 2 ? out.squeeze(0) : out;
}

std::vector<torch::Tensor> apply_style_direction(const TextDirection& d, const std::vector<torch::Tensor>& styles,
                                                 double alpha) {
  if (d.kind != TextDirectionKind::Style)
    throw Error("\"" + d.prompt + "\" is a W+ direction: apply it with apply_latent_direction");
  if (styles.size() != d.style_sizes.size())
    throw Error("text direction \"" + d.prompt + "\" has " + std::to_string(d.style_sizes.size()) +
                " style vectors, the generator " + std::to_string(styles.size()) + "; made for another generator");
  const double a = std::clamp(alpha, d.alpha_min, d.alpha_max);
  std::vector<torch::Tensor> out;
  int64_t offset = 0;
  for (size_t i = 0; i < styles.size(); ++i) {
    if (styles[i].size(-1) != d.style_sizes[i])
      throw Error("text direction \"" + d.prompt + "\": style vector " + std::to_string(i) + " has " +
                  std::to_string(styles[i].size(-1)) + " channels, the direction " + std::to_string(d.style_sizes[i]));
    const auto part = d.delta.narrow(0, offset, d.style_sizes[i]).to(styles[i].device(), styles[i].scalar_type());
    out.push_back(styles[i] + a * part.unsqueeze(0));
    offset += d.style_sizes[i];
  }
  return out;
}

std::vector<int64_t> style_sizes(const nn::GeneratorConfig& config) {
  std::vector<int64_t> sizes;
  if (config.channels.empty()) return sizes;
  sizes = {config.channels[0], config.channels[0]};
  for (size_t block = 1; block < config.channels.size(); ++block)
    sizes.insert(sizes.end(), {config.channels[block - 1], config.channels[block], config.channels[block]});
  return sizes;
}

bool fits_generator(const TextDirection& direction, const nn::GeneratorConfig& config) {
  if (!direction.delta.defined()) return false;
  if (direction.kind == TextDirectionKind::Latent)
    return direction.delta.dim() == 2 && direction.delta.size(0) == config.n_latent &&
           direction.delta.size(1) == config.style_dim;
  return direction.style_sizes == style_sizes(config);
}

}  // namespace facet::edit
