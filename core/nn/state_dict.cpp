#include "core/nn/state_dict.h"

#include <set>
#include <sstream>

#include <torch/torch.h>

#include "core/io/error.h"

namespace facet::nn {
namespace {

std::string shape_text(const torch::Tensor& t) {
  std::ostringstream out;
  out << t.sizes();
  return out.str();
}

// Lists at most `limit` names; long lists would bury the message.
std::string join_limited(const std::vector<std::string>& names, size_t limit = 6) {
  std::ostringstream out;
  for (size_t i = 0; i < names.size() && i < limit; ++i) out << (i ? ", " : "") << names[i];
  if (names.size() > limit) out << " … (" << names.size() << " in all)";
  return out.str();
}

// A checkpoint tensor whose storage holds exactly its data, and no other tensor of this load took it: the module can
// keep that storage instead of a copy (the freshly made parameter is freed untouched, so its pages never fault in).
bool can_adopt(const torch::Tensor& source, const torch::Tensor& target, const std::set<const void*>& adopted) {
  return source.scalar_type() == target.scalar_type() && source.device() == target.device() &&
         source.is_contiguous() && target.is_contiguous() && source.storage_offset() == 0 &&
         source.storage().nbytes() == source.nbytes() && source.is_inference() == target.is_inference() &&
         adopted.count(source.storage().data()) == 0;
}

}  // namespace

void load_state_dict(torch::nn::Module& module, const io::TensorMap& tensors, const std::string& what,
                     const std::string& kind, const StateDictOptions& options) {
  torch::NoGradGuard no_grad;
  std::vector<std::string> missing, mismatched, unexpected;
  std::set<std::string> used;
  std::set<const void*> adopted;  // storages already given to a parameter

  auto assign = [&](const std::string& name, torch::Tensor& target) {
    auto it = tensors.find(name);
    if (it == tensors.end()) {
      if (!(options.allow_missing && options.allow_missing(name))) missing.push_back(name);
      return;
    }
    used.insert(name);
    const torch::Tensor& source = it->second;
    if (!source.sizes().equals(target.sizes())) {
      mismatched.push_back(name + " (file " + shape_text(source) + " vs model " + shape_text(target) + ")");
      return;
    }
    if (can_adopt(source, target, adopted)) {
      adopted.insert(source.storage().data());
      target.set_data(source);
    } else {
      target.copy_(source.to(target.dtype()));
    }
  };

  for (auto& item : module.named_parameters(/*recurse=*/true)) assign(item.key(), item.value());
  for (auto& item : module.named_buffers(/*recurse=*/true)) assign(item.key(), item.value());
  for (const auto& [name, tensor] : tensors) {
    (void)tensor;
    if (used.count(name) == 0 && !(options.ignore_unexpected && options.ignore_unexpected(name)))
      unexpected.push_back(name);
  }

  if (missing.empty() && mismatched.empty() && unexpected.empty()) return;
  std::ostringstream msg;
  msg << what << ":";
  if (!missing.empty()) msg << " missing keys: " << join_limited(missing) << ";";
  if (!unexpected.empty()) msg << " unexpected keys: " << join_limited(unexpected) << ";";
  if (!mismatched.empty()) msg << " shape mismatch: " << join_limited(mismatched) << ";";
  msg << " is this a " << kind << " checkpoint?";
  throw Error(msg.str());
}

void save_state_dict(const std::string& path, torch::nn::Module& module) {
  std::vector<io::NamedTensor> tensors;
  for (const auto& p : module.named_parameters()) tensors.emplace_back(p.key(), p.value().detach().cpu());
  io::save_state_dict(path, tensors);
}

}  // namespace facet::nn
