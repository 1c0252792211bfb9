#pragma once
// Reads a TensorFlow.js weights manifest ("<name>-weights_manifest.json") and its binary shards, as face-api.js
// ships them. Supported entry types: float32, int32, float16, and quantised uint8/uint16 (value = q·scale + min,
// computed in double then rounded to float like tfjs's decodeWeights) and float16-quantised entries.
// Tensors keep tfjs's layout (conv filters [kh, kw, in, out]); the networks convert what they need.
#include <map>
#include <string>

#include <torch/types.h>

namespace facet::nn::faceapi {

using TfjsWeights = std::map<std::string, torch::Tensor>;

// Throws facet::Error naming the file when the manifest is unreadable, a shard is missing or short, or an entry
// has a dtype this reader does not know.
TfjsWeights load_tfjs_weights(const std::string& manifest_path);

// The tensor `name`, checked to have `rank` dims; throws facet::Error naming `what` (the model file) otherwise.
const torch::Tensor& require_weight(const TfjsWeights& weights, const std::string& name, int64_t rank,
                                    const std::string& what);

}  // namespace facet::nn::faceapi
