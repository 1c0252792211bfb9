#include "core/nn/faceapi/tfjs_weights.h"

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/io/error.h"

namespace facet::nn::faceapi {
namespace {

namespace fs = std::filesystem;

std::vector<char> read_all(const fs::path& path, const std::string& manifest) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error("cannot open weight shard " + path.string() + " listed in " + manifest +
                "; re-fetch the face-api models (facet-cli models fetch)");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// IEEE half → float (tfjs decodes float16 the same exact way: every half is representable as a float).
float half_to_float(uint16_t h) {
  const uint32_t sign = (h >> 15) & 1u, exponent = (h >> 10) & 0x1fu, mantissa = h & 0x3ffu;
  float value;
  if (exponent == 0)
    value = std::ldexp(static_cast<float>(mantissa), -24);
  else if (exponent == 31)
    value = mantissa ? std::nanf("") : INFINITY;
  else
    value = std::ldexp(static_cast<float>(mantissa | 0x400u), static_cast<int>(exponent) - 25);
  return sign ? -value : value;
}

size_t bytes_per_element(const std::string& dtype) {
  if (dtype == "float32" || dtype == "int32") return 4;
  if (dtype == "float16" || dtype == "uint16") return 2;
  if (dtype == "uint8") return 1;
  return 0;
}

template <typename T>
T read_le(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

}  // namespace

TfjsWeights load_tfjs_weights(const std::string& manifest_path) {
  std::ifstream in(manifest_path);
  if (!in) throw Error("cannot open face-api weights manifest " + manifest_path);
  nlohmann::json manifest;
  try {
    manifest = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    throw Error(manifest_path + " is not a valid tfjs weights manifest: " + e.what());
  }
  if (!manifest.is_array()) throw Error(manifest_path + " is not a tfjs weights manifest (expected a JSON array)");

  const fs::path dir = fs::path(manifest_path).parent_path();
  TfjsWeights weights;
  try {
    for (const auto& group : manifest) {
      // A group's shards are one byte stream, its entries laid out back to back.
      std::vector<char> data;
      for (const auto& shard : group.at("paths")) {
        auto bytes = read_all(dir / shard.get<std::string>(), manifest_path);
        data.insert(data.end(), bytes.begin(), bytes.end());
      }
      size_t offset = 0;
      for (const auto& entry : group.at("weights")) {
        const auto name = entry.at("name").get<std::string>();
        const auto dtype = entry.at("dtype").get<std::string>();
        std::vector<int64_t> shape = entry.at("shape").get<std::vector<int64_t>>();
        int64_t count = 1;
        for (auto d : shape) count *= d;
        std::string stored = dtype;
        double scale = 1, min = 0;
        const bool quantized = entry.contains("quantization");
        if (quantized) {
          const auto& q = entry.at("quantization");
          stored = q.at("dtype").get<std::string>();
          if (stored != "float16") {
            scale = q.at("scale").get<double>();
            min = q.at("min").get<double>();
          }
        }
        const size_t width = bytes_per_element(stored);
        if (width == 0 || (dtype != "float32" && dtype != "int32"))
          throw Error(manifest_path + ": entry " + name + " has unsupported dtype " + dtype + "/" + stored);
        const size_t size = static_cast<size_t>(count) * width;
        if (offset + size > data.size())
          throw Error(manifest_path + ": shards end before entry " + name +
                      " (truncated download? re-fetch the face-api models)");
        const char* p = data.data() + offset;
        offset += size;

        torch::Tensor t = torch::empty(shape, torch::kFloat32);
        float* out = t.data_ptr<float>();
        for (int64_t i = 0; i < count; ++i) {
          const char* e = p + i * width;
          if (stored == "float32") out[i] = read_le<float>(e);
          else if (stored == "int32") out[i] = static_cast<float>(read_le<int32_t>(e));
          else if (stored == "float16") out[i] = half_to_float(read_le<uint16_t>(e));
          else if (stored == "uint8") out[i] = static_cast<float>(static_cast<uint8_t>(*e) * scale + min);
          else out[i] = static_cast<float>(read_le<uint16_t>(e) * scale + min);
        }
        // Integer tensors stay integral (face-api's detectors use a few); everything here computes in float.
        if (dtype == "int32" && quantized) t = t.round();
        weights[name] = t;
      }
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(manifest_path + " is not a valid tfjs weights manifest: " + e.what());
  }
  return weights;
}

const torch::Tensor& require_weight(const TfjsWeights& weights, const std::string& name, int64_t rank,
                                    const std::string& what) {
  auto it = weights.find(name);
  if (it == weights.end())
    throw Error(what + ": missing weight " + name + "; is this the right face-api model file?");
  if (it->second.dim() != rank)
    throw Error(what + ": weight " + name + " has rank " + std::to_string(it->second.dim()) + ", expected " +
                std::to_string(rank));
  return it->second;
}

}  // namespace facet::nn::faceapi
