#pragma once
// The values a torch.save file holds, as read by the safe unpickler (checkpoint.h): a tree of
// None/bool/int/float/str/bytes/tensor/list/tuple/dict, plus opaque objects for harmless Python classes.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <torch/types.h>

namespace facet::io {

class Value;
using ValuePtr = std::shared_ptr<const Value>;

enum class ValueKind { None, Bool, Int, Float, String, Bytes, Tensor, List, Tuple, Dict, Object };

const char* kind_name(ValueKind kind);

class Value {
 public:
  using Items = std::vector<ValuePtr>;
  using Entries = std::vector<std::pair<ValuePtr, ValuePtr>>;  // dict entries in file order

  static ValuePtr none();
  static ValuePtr boolean(bool v);
  static ValuePtr integer(int64_t v);
  static ValuePtr floating(double v);
  static ValuePtr string(std::string v);
  static ValuePtr bytes(std::string v);
  static ValuePtr tensor(torch::Tensor v);
  static ValuePtr list(Items items);
  static ValuePtr tuple(Items items);
  static ValuePtr dict(Entries entries);
  // An instance of a Python class the reader does not execute (e.g. argparse.Namespace). `state` holds
  // what the pickle would have passed to __setstate__ (usually a dict), or None.
  static ValuePtr object(std::string type_name, ValuePtr state);

  ValueKind kind() const { return kind_; }
  bool is(ValueKind k) const { return kind_ == k; }

  // Typed access; each throws facet::Error naming the expected and actual kind.
  bool as_bool() const;
  int64_t as_int() const;
  double as_double() const;  // accepts Int too
  const std::string& as_string() const;  // String or Bytes
  const torch::Tensor& as_tensor() const;
  const Items& items() const;       // List or Tuple
  const Entries& entries() const;   // Dict
  const std::string& type_name() const;  // Object
  const ValuePtr& state() const;         // Object

  // Dict lookup by a string key (an int key matches its decimal text). nullptr when absent or not a dict.
  // For an Object, looks into its state dict.
  ValuePtr get(const std::string& key) const;

  // Builders for the reader while it makes the tree (before any value is handed out).
  void append_item(ValuePtr item) { items_.push_back(std::move(item)); }
  void add_entry(ValuePtr key, ValuePtr value) { entries_.emplace_back(std::move(key), std::move(value)); }
  void set_state(ValuePtr state) { state_ = std::move(state); }

  // Short human-readable rendering (for `facet-cli inspect` and error messages); tensors as dtype[shape].
  std::string repr(size_t max_items = 8) const;

 private:
  ValueKind kind_ = ValueKind::None;
  bool b_ = false;
  int64_t i_ = 0;
  double f_ = 0.0;
  std::string s_;
  torch::Tensor t_;
  Items items_;
  Entries entries_;
  ValuePtr state_;
};

// Text of a dict key for dotted names: strings as they are, ints in decimal, other kinds by repr().
std::string key_text(const Value& key);

}  // namespace facet::io
