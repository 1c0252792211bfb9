#pragma once
// Safe reader for files written by torch.save: the zip format (PyTorch >= 1.6) and the legacy format.
// It never executes anything from the file. Python globals are handled by an allow-list:
//  - rebuilt:  collections.OrderedDict, torch._utils._rebuild_tensor(_v2), torch._utils._rebuild_parameter,
//              torch.<Dtype>Storage, torch.Size, builtins set/frozenset-free containers, ...
//  - opaque:   harmless data classes (argparse.Namespace, ...): kept as Value::object with their state.
//  - refused:  anything else (os.system, builtins.eval, ...): facet::Error naming the global.
// See checkpoint.cpp for the exact lists.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/io/value.h"

namespace facet::io {

using NamedTensor = std::pair<std::string, torch::Tensor>;
using TensorMap = std::map<std::string, torch::Tensor>;

class Checkpoint {
 public:
  Checkpoint() = default;
  Checkpoint(std::string source, ValuePtr root) : source_(std::move(source)), root_(std::move(root)) {}

  const std::string& source() const { return source_; }  // file path (for messages)
  const ValuePtr& root() const { return root_; }

  // Looks a value up by dotted path: "state_dict.decoder.conv1.conv.weight", "opts.output_size", "0.x".
  // Dict keys may themselves contain dots (state dicts do): the longest matching key wins.
  // Returns nullptr when absent.
  ValuePtr find(std::string_view dotted) const;
  // As find(), but throws facet::Error("<file>: no value at '<path>'") when absent.
  const Value& at(std::string_view dotted) const;

  // Every tensor in the tree in file order, names joined with dots, list/tuple items by index.
  std::vector<NamedTensor> tensors() const;
  // The tensors whose flat name starts with `prefix`, with the prefix removed ("decoder." -> "conv1.conv.weight").
  TensorMap tensors_with_prefix(const std::string& prefix = "") const;

 private:
  std::string source_;
  ValuePtr root_;
};

// Reads a torch.save file (zip or legacy). Tensors come back on the CPU, contiguous or with the file's strides,
// sharing storage where the file shares it. Throws facet::Error with the file name and the reason.
Checkpoint load_checkpoint(const std::string& path);
// The same from bytes in memory (`name` is used in messages); the fuzz target calls this.
Checkpoint load_checkpoint_from_memory(const void* data, size_t size, const std::string& name = "<memory>");

// Writes a torch.save zip file that PyTorch's torch.load reads back: a dict of str -> (tensor | int | float |
// str | bool | nested dict of tensors). save_state_dict stores a collections.OrderedDict (a state dict).
// Written atomically (temporary file, then rename).
void save_state_dict(const std::string& path, const std::vector<NamedTensor>& tensors);
void save_checkpoint(const std::string& path, const ValuePtr& root);

}  // namespace facet::io
