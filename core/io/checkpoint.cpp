#include "core/io/checkpoint.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>

#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "core/io/log.h"
#include "core/io/torch_archive.h"

namespace facet::io {
namespace fs = std::filesystem;
namespace {

// Walks the tree in file order, naming tensors by dotted path.
void collect(const ValuePtr& v, const std::string& prefix, std::vector<NamedTensor>& out) {
  auto child = [&](const std::string& key) { return prefix.empty() ? key : prefix + "." + key; };
  switch (v->kind()) {
    case ValueKind::Tensor: out.emplace_back(prefix, v->as_tensor()); break;
    case ValueKind::List:
    case ValueKind::Tuple:
      for (size_t i = 0; i < v->items().size(); ++i) collect(v->items()[i], child(std::to_string(i)), out);
      break;
    case ValueKind::Dict:
      for (const auto& [k, val] : v->entries()) collect(val, child(key_text(*k)), out);
      break;
    case ValueKind::Object:
      if (v->state()) collect(v->state(), prefix, out);
      break;
    default: break;
  }
}

ValuePtr find_in(const ValuePtr& v, std::string_view path) {
  if (path.empty()) return v;
  if (!v) return nullptr;
  if (v->is(ValueKind::Object)) return v->state() ? find_in(v->state(), path) : nullptr;
  // Longest key that matches the whole rest or a prefix followed by '.': state-dict keys contain dots.
  ValuePtr best;
  size_t best_len = 0;
  auto consider = [&](const std::string& key, const ValuePtr& value) {
    if (key.size() < best_len || key.size() > path.size() || path.compare(0, key.size(), key) != 0) return;
    if (key.size() != path.size() && path[key.size()] != '.') return;
    ValuePtr found = find_in(value, key.size() == path.size() ? std::string_view() : path.substr(key.size() + 1));
    if (found) {
      best = found;
      best_len = key.size();
    }
  };
  if (v->is(ValueKind::Dict)) {
    for (const auto& [k, val] : v->entries()) consider(key_text(*k), val);
  } else if (v->is(ValueKind::List) || v->is(ValueKind::Tuple)) {
    for (size_t i = 0; i < v->items().size(); ++i) consider(std::to_string(i), v->items()[i]);
  }
  return best;
}

}  // namespace

ValuePtr Checkpoint::find(std::string_view dotted) const { return root_ ? find_in(root_, dotted) : nullptr; }

const Value& Checkpoint::at(std::string_view dotted) const {
  ValuePtr v = find(dotted);
  if (!v) throw Error(source_ + ": no value at '" + std::string(dotted) + "'");
  return *v;
}

std::vector<NamedTensor> Checkpoint::tensors() const {
  std::vector<NamedTensor> out;
  if (root_) collect(root_, "", out);
  return out;
}

TensorMap Checkpoint::tensors_with_prefix(const std::string& prefix) const {
  TensorMap out;
  for (auto& [name, tensor] : tensors())
    if (name.compare(0, prefix.size(), prefix) == 0) out.emplace(name.substr(prefix.size()), tensor);
  return out;
}

Checkpoint load_checkpoint_from_memory(const void* data, size_t size, const std::string& name) {
  const char* bytes = static_cast<const char*>(data);
  if (size == 0) throw Error(name + ": the file is empty");
  ValuePtr root = detail::looks_like_zip(bytes, size) ? detail::read_zip_checkpoint(bytes, size, name)
                                                      : detail::read_legacy_checkpoint(bytes, size, name);
  return Checkpoint(name, root);
}

Checkpoint load_checkpoint(const std::string& path) {
  std::error_code ec;
  // Only regular files are read record by record: a pipe could not be read twice, and read_file below explains
  // folders and missing files.
  if (fs::is_regular_file(path, ec)) {
    std::ifstream head(path, std::ios::binary);
    if (!head) throw Error("cannot read " + path + ": " + std::strerror(errno));
    char magic[4] = {};
    head.read(magic, sizeof magic);
    if (detail::looks_like_zip(magic, static_cast<size_t>(head.gcount()))) {
      log::get("io")->debug("reading checkpoint {} (zip archive, record by record)", path);
      return Checkpoint(path, detail::read_zip_checkpoint_file(path));
    }
  }
  const std::string data = read_file(path);  // legacy streams (and pipes) are read whole
  log::get("io")->debug("reading checkpoint {} ({} bytes)", path, data.size());
  return load_checkpoint_from_memory(data.data(), data.size(), path);
}

void save_checkpoint(const std::string& path, const ValuePtr& root) {
  write_file_atomic(path, detail::write_zip_checkpoint(root));
}

void save_state_dict(const std::string& path, const std::vector<NamedTensor>& tensors) {
  Value::Entries entries;
  for (const auto& [name, tensor] : tensors) entries.emplace_back(Value::string(name), Value::tensor(tensor));
  save_checkpoint(path, Value::dict(std::move(entries)));
}

}  // namespace facet::io
