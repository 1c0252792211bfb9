#include "core/nn/clip/clip_model.h"

#include <torch/csrc/jit/ir/ir.h>

#include "core/io/error.h"
#include "core/nn/network_guard.h"

namespace facet::nn::clip {
namespace {

using torch::jit::AttributeKind;
namespace attr = c10::attr;

constexpr int64_t kHalf = static_cast<int64_t>(c10::ScalarType::Half);
constexpr int64_t kFloat = static_cast<int64_t>(c10::ScalarType::Float);

bool is_int_constant(torch::jit::Node* node, int64_t value) {
  return node->kind() == c10::prim::Constant && node->hasAttribute(attr::value) &&
         node->kindOf(attr::value) == AttributeKind::i && node->i(attr::value) == value;
}

int patch_block(torch::jit::Block* block, bool to_float) {
  int changed = 0;
  for (torch::jit::Node* node : block->nodes()) {
    for (torch::jit::Block* sub : node->blocks()) changed += patch_block(sub, to_float);
    if (node->kind() == c10::prim::Constant && node->hasAttribute(attr::value) &&
        node->kindOf(attr::value) == AttributeKind::s && node->s(attr::value).rfind("cuda", 0) == 0) {
      node->s_(attr::value, "cpu");
      ++changed;
    }
    if (to_float && node->kind() == c10::aten::to) {
      // As clip.load: the dtype is argument 1 or 2 of aten::to (to(dtype,…) / to(device, dtype,…)). A fresh
      // constant replaces only this use, since constant pooling may share the node with an unrelated integer 5.
      for (size_t i : {size_t{1}, size_t{2}}) {
        if (i >= node->inputs().size() || !is_int_constant(node->input(i)->node(), kHalf)) continue;
        torch::jit::WithInsertPoint guard(node);
        node->replaceInput(i, node->owningGraph()->insertConstant(kFloat));
        ++changed;
      }
    }
  }
  return changed;
}

int64_t int_attribute(const torch::jit::Module& m, const char* name, int64_t fallback, bool required,
                      const std::string& path) {
  if (!m.hasattr(name)) {
    if (required)
      throw Error(path + ": a CLIP TorchScript archive has '" + name + "'; this file does not (is it one of "
                  "openai/CLIP's released .pt files?)");
    return fallback;
  }
  const c10::IValue v = m.attr(name);
  if (v.isInt()) return v.toInt();
  if (v.isTensor()) return v.toTensor().item<int64_t>();
  throw Error(path + ": '" + name + "' is not an integer");
}

}  // namespace

int patch_for_cpu(torch::jit::Module& module, bool to_float) {
  int changed = 0;
  for (const torch::jit::Module& m : module.modules())
    for (const torch::jit::Method& method : m.get_methods()) changed += patch_block(method.graph()->block(), to_float);
  return changed;
}

ClipModel ClipModel::load(const std::string& path, const torch::Device& device) {
  ClipModel model;
  model.path_ = path;
  model.device_ = device;
  try {
    model.module_ = std::make_shared<torch::jit::Module>(torch::jit::load(path, device));
  } catch (const c10::Error& e) {
    throw Error(path + ": not a TorchScript archive CLIP can be read from (" + std::string(e.what_without_backtrace()) +
                "); download ViT-B-32.pt with models/fetch");
  }
  torch::jit::Module& m = *model.module_;
  for (const char* method : {"encode_image", "encode_text"})
    if (!m.find_method(method))
      throw Error(path + ": TorchScript archive without " + method + "; is this a CLIP model?");
  model.input_resolution_ = int_attribute(m, "input_resolution", 224, true, path);
  model.context_length_ = int_attribute(m, "context_length", 77, false, path);
  m.eval();
  if (device.is_cpu()) {
    patch_for_cpu(m, true);
    m.to(torch::kFloat32);
  } else {
    // On a GPU the archive runs as released (half precision); inputs are cast to the weights' type.
    for (const auto& p : m.parameters()) {
      model.dtype_ = p.scalar_type();
      break;
    }
  }
  for (const auto& p : m.parameters()) p.requires_grad_(false);
  return model;
}

torch::Tensor ClipModel::encode_image(const torch::Tensor& images) const {
  check_network_thread("CLIP image encoder");
  if (images.dim() != 4 || images.size(1) != 3 || images.size(2) != input_resolution_ ||
      images.size(3) != input_resolution_)
    throw Error("CLIP expects images [N, 3, " + std::to_string(input_resolution_) + ", " +
                std::to_string(input_resolution_) + "], got " + c10::str(images.sizes()));
  auto out = module_->get_method("encode_image")({images.to(device_, dtype_)}).toTensor();
  return out.to(torch::kFloat32);
}

torch::Tensor ClipModel::encode_text(const torch::Tensor& tokens) const {
  check_network_thread("CLIP text encoder");
  if (tokens.dim() != 2 || tokens.size(1) != context_length_)
    throw Error("CLIP expects tokens [N, " + std::to_string(context_length_) + "], got " + c10::str(tokens.sizes()));
  auto out = module_->get_method("encode_text")({tokens.to(device_, torch::kInt64)}).toTensor();
  return out.to(torch::kFloat32);
}

}  // namespace facet::nn::clip
