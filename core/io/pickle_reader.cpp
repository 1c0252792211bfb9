#include "core/io/pickle_reader.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include <torch/torch.h>

#include "core/io/error.h"

namespace facet::io::detail {
namespace {

constexpr const char* kGlobalPrefix = "@";  // marks a not-yet-called global on the stack
constexpr const char* kStorageType = "torch.storage";
constexpr size_t kMaxDepth = 100000;        // stack and memo bounds: a hostile file cannot exhaust memory
constexpr size_t kMaxContainer = 50000000;

// Globals the reader understands. Anything not here is refused by name (see checkpoint.h).
enum class Global {
  OrderedDict, RebuildTensorV2, RebuildTensor, RebuildParameter, RebuildFromTypeV2, Storage, PlainObject, TensorType,
  Unknown
};

Global classify(const std::string& name) {
  if (name == "collections.OrderedDict") return Global::OrderedDict;
  if (name == "torch._utils._rebuild_tensor_v2") return Global::RebuildTensorV2;
  if (name == "torch._utils._rebuild_tensor") return Global::RebuildTensor;
  if (name == "torch._utils._rebuild_parameter" || name == "torch._utils._rebuild_parameter_with_state")
    return Global::RebuildParameter;
  if (name == "torch._tensor._rebuild_from_type_v2") return Global::RebuildFromTypeV2;
  if (name == "torch.Tensor" || name == "torch.nn.parameter.Parameter" || name == "torch._tensor.Tensor")
    return Global::TensorType;
  if (name.rfind("torch.", 0) == 0 && name.size() > 13 && name.compare(name.size() - 7, 7, "Storage") == 0)
    return Global::Storage;
  // Plain data classes whose instances are kept as opaque objects (options of training runs and the like).
  static const char* const plain[] = {"argparse.Namespace", "torch.device", "torch.Size", "builtins.set",
                                      "builtins.frozenset", "builtins.slice", "pathlib.PosixPath",
                                      "pathlib.WindowsPath", "numpy.dtype", "numpy.core.multiarray.scalar",
                                      "numpy.core.multiarray._reconstruct", "numpy.ndarray", "torch.float32",
                                      "torch.dtype", "builtins.complex", "datetime.datetime", "builtins.bytearray"};
  for (const char* p : plain)
    if (name == p) return Global::PlainObject;
  return Global::Unknown;
}

class Unpickler {
 public:
  Unpickler(const char* data, size_t size, const std::string& name, const PersistentLoader& loader)
      : p_(reinterpret_cast<const unsigned char*>(data)), end_(p_ + size), begin_(p_), name_(name), loader_(loader) {}

  ValuePtr run(size_t* consumed) {
    while (true) {
      const unsigned char op = u8();
      if (op == '.') break;  // STOP
      step(op);
    }
    if (stack_.size() != 1) fail("pickle ended with " + std::to_string(stack_.size()) + " values on the stack");
    if (consumed) *consumed = static_cast<size_t>(p_ - begin_);
    return stack_.back();
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw Error(name_ + ": " + why + " (at byte " + std::to_string(p_ - begin_) + "); the file is damaged or not a "
                "PyTorch checkpoint");
  }

  const unsigned char* take(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) fail("unexpected end of data");
    const unsigned char* at = p_;
    p_ += n;
    return at;
  }
  uint8_t u8() { return *take(1); }
  uint64_t le(size_t n) {
    const unsigned char* b = take(n);
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) v |= uint64_t(b[i]) << (8 * i);
    return v;
  }
  std::string bytes(size_t n) {
    const unsigned char* b = take(n);
    return std::string(reinterpret_cast<const char*>(b), n);
  }
  std::string line() {
    const unsigned char* start = p_;
    while (p_ < end_ && *p_ != '\n') ++p_;
    if (p_ == end_) fail("unterminated text opcode");
    std::string s(reinterpret_cast<const char*>(start), static_cast<size_t>(p_ - start));
    ++p_;
    return s;
  }

  // The decimal memo index of the text opcodes PUT/GET; out of range or malformed text is a damaged file.
  uint64_t text_index() {
    const std::string s = line();
    try {
      return std::stoull(s);
    } catch (const std::exception&) {
      fail("bad memo index '" + s.substr(0, 32) + "'");
    }
  }

  void push(ValuePtr v) {
    if (stack_.size() >= kMaxDepth) fail("pickle stack too deep");
    stack_.push_back(std::move(v));
  }
  ValuePtr pop() {
    if (stack_.empty() || (!marks_.empty() && stack_.size() <= marks_.back())) fail("pickle stack underflow");
    ValuePtr v = std::move(stack_.back());
    stack_.pop_back();
    return v;
  }
  ValuePtr& top() {
    if (stack_.empty()) fail("pickle stack underflow");
    return stack_.back();
  }
  Value::Items pop_to_mark() {
    if (marks_.empty()) fail("MARK missing");
    size_t mark = marks_.back();
    marks_.pop_back();
    if (mark > stack_.size()) fail("bad MARK");
    Value::Items items(std::make_move_iterator(stack_.begin() + static_cast<std::ptrdiff_t>(mark)),
                       std::make_move_iterator(stack_.end()));
    stack_.resize(mark);
    return items;
  }
  Value& mut(const ValuePtr& v) { return const_cast<Value&>(*v); }  // objects made here are never const

  void memo_put(uint64_t index, const ValuePtr& v) {
    if (index > kMaxDepth * 100) fail("memo index out of range");
    memo_[index] = v;
  }
  ValuePtr memo_get(uint64_t index) {
    auto it = memo_.find(index);
    if (it == memo_.end()) fail("memo entry " + std::to_string(index) + " missing");
    return it->second;
  }

  // Pickles can make a container hold itself; as shared_ptrs such a cycle would never be freed, and no
  // checkpoint needs one. Refuse it.
  static bool reaches(const ValuePtr& from, const Value* target, std::vector<const Value*>& seen) {
    if (from.get() == target) return true;
    if (std::find(seen.begin(), seen.end(), from.get()) != seen.end()) return false;
    seen.push_back(from.get());
    switch (from->kind()) {
      case ValueKind::List:
      case ValueKind::Tuple:
        for (const auto& item : from->items())
          if (reaches(item, target, seen)) return true;
        return false;
      case ValueKind::Dict:
        for (const auto& [k, v] : from->entries())
          if (reaches(k, target, seen) || reaches(v, target, seen)) return true;
        return false;
      case ValueKind::Object: return from->state() && reaches(from->state(), target, seen);
      default: return false;
    }
  }
  void refuse_cycle(const ValuePtr& target, const ValuePtr& item) {
    if (item->is(ValueKind::Tensor) || item->is(ValueKind::String) || item->is(ValueKind::Int)) return;
    std::vector<const Value*> seen;
    if (reaches(item, target.get(), seen)) fail("a container that contains itself");
  }

  void append_to(const ValuePtr& target, Value::Items items) {
    for (const auto& item : items) refuse_cycle(target, item);
    if (target->is(ValueKind::List)) {
      if (target->items().size() + items.size() > kMaxContainer) fail("list too large");
      for (auto& item : items) mut(target).append_item(std::move(item));
    } else if (target->is(ValueKind::Object) && (target->type_name() == "builtins.set" ||
                                                 target->type_name() == "builtins.frozenset")) {
      for (auto& item : items) mut(target).append_item(std::move(item));
    } else {
      fail(std::string("APPEND to a ") + kind_name(target->kind()));
    }
  }
  void set_items(const ValuePtr& target, Value::Items kv) {
    if (!target->is(ValueKind::Dict)) fail(std::string("SETITEM on a ") + kind_name(target->kind()));
    if (kv.size() % 2) fail("odd number of dict items");
    for (const auto& item : kv) refuse_cycle(target, item);
    for (size_t i = 0; i < kv.size(); i += 2) mut(target).add_entry(std::move(kv[i]), std::move(kv[i + 1]));
  }

  ValuePtr global(const std::string& module, const std::string& attr) {
    const std::string full = module + "." + attr;
    if (classify(full) == Global::Unknown)
      throw Error(name_ + ": refuses Python global '" + full + "': Facet only reads plain tensors and containers "
                  "and never runs code from a file (re-save the model's state_dict with torch.save)");
    return Value::object(kGlobalPrefix + full, nullptr);
  }

  static bool is_global(const ValuePtr& v) {
    return v->is(ValueKind::Object) && !v->type_name().empty() && v->type_name()[0] == '@';
  }

  ValuePtr call(const ValuePtr& callable, const ValuePtr& args) {
    if (!is_global(callable)) fail("call of a non-global value");
    if (!args->is(ValueKind::Tuple)) fail("call arguments are not a tuple");
    const std::string full = callable->type_name().substr(1);
    const auto& a = args->items();
    switch (classify(full)) {
      case Global::OrderedDict: {
        ValuePtr d = Value::dict({});
        if (!a.empty() && a[0]->is(ValueKind::List))
          for (const auto& pair : a[0]->items())
            if (pair->is(ValueKind::Tuple) && pair->items().size() == 2)
              mut(d).add_entry(pair->items()[0], pair->items()[1]);
        return d;
      }
      case Global::RebuildTensorV2:
      case Global::RebuildTensor: return rebuild_tensor(a);
      case Global::RebuildParameter:
        if (a.empty() || !a[0]->is(ValueKind::Tensor)) fail("_rebuild_parameter without a tensor");
        return a[0];
      case Global::RebuildFromTypeV2:
        // (func, type, args, state): the tensor subclass and its state are dropped; func must be allowed too.
        if (a.size() < 3) fail("_rebuild_from_type_v2 with too few arguments");
        return call(a[0], a[2]);
      case Global::Storage: fail("storage class called directly");
      case Global::TensorType: fail("tensor type called directly");
      case Global::PlainObject: return Value::object(full, args);
      case Global::Unknown: break;
    }
    fail("unsupported call of " + full);
  }

  std::vector<int64_t> ints(const ValuePtr& v, const char* what) {
    if (!v->is(ValueKind::Tuple) && !v->is(ValueKind::List)) fail(std::string("tensor ") + what + " is not a tuple");
    std::vector<int64_t> out;
    for (const auto& item : v->items()) {
      if (!item->is(ValueKind::Int)) fail(std::string("tensor ") + what + " holds a non-integer");
      out.push_back(item->as_int());
    }
    return out;
  }

  ValuePtr rebuild_tensor(const Value::Items& a) {
    if (a.size() < 4) fail("_rebuild_tensor with too few arguments");
    if (!is_storage(*a[0])) fail("_rebuild_tensor without a storage");
    const torch::Tensor& storage = a[0]->state()->as_tensor();
    if (!a[1]->is(ValueKind::Int)) fail("tensor offset is not an integer");
    const int64_t offset = a[1]->as_int();
    std::vector<int64_t> size = ints(a[2], "size"), stride = ints(a[3], "stride");
    if (size.size() != stride.size()) fail("tensor size and stride differ in length");
    // Bounds: the last element the view can reach must lie inside the storage.
    int64_t last = offset;
    bool empty = false;
    for (size_t i = 0; i < size.size(); ++i) {
      if (size[i] < 0 || stride[i] < 0) fail("negative tensor size or stride");
      if (size[i] == 0) empty = true;
      if (size[i] > (int64_t(1) << 40) || stride[i] > (int64_t(1) << 40)) fail("tensor size out of range");
      last += (size[i] - 1) * stride[i];
    }
    if (offset < 0 || (!empty && last >= storage.numel()))
      fail("tensor view exceeds its storage (" + std::to_string(last + 1) + " > " + std::to_string(storage.numel()) +
           " elements)");
    if (empty) return Value::tensor(torch::empty(size, storage.options()));
    return Value::tensor(storage.as_strided(size, stride, offset));
  }

  void build(const ValuePtr& target, const ValuePtr& state) {
    if (target->is(ValueKind::Object)) {
      refuse_cycle(target, state);
      mut(target).set_state(state);
    } else if (target->is(ValueKind::Dict)) {
      // OrderedDict's instance attributes (a state dict's `_metadata`): not needed.
    } else if (target->is(ValueKind::Tensor)) {
      // Parameter/tensor attributes set by BUILD: not needed.
    } else {
      fail(std::string("BUILD on a ") + kind_name(target->kind()));
    }
  }

  void step(unsigned char op) {
    switch (op) {
      case 0x80: u8(); break;            // PROTO
      case 0x95: take(8); break;         // FRAME
      case '(': marks_.push_back(stack_.size()); break;  // MARK
      case '}': push(Value::dict({})); break;
      case ']': push(Value::list({})); break;
      case ')': push(Value::tuple({})); break;
      case 't': push(Value::tuple(pop_to_mark())); break;
      case 'l': push(Value::list(pop_to_mark())); break;
      case 'd': {
        ValuePtr d = Value::dict({});
        set_items(d, pop_to_mark());
        push(d);
        break;
      }
      case 0x85: { auto a = pop(); push(Value::tuple({a})); break; }
      case 0x86: { auto b = pop(); auto a = pop(); push(Value::tuple({a, b})); break; }
      case 0x87: { auto c = pop(); auto b = pop(); auto a = pop(); push(Value::tuple({a, b, c})); break; }
      case 's': { auto v = pop(); auto k = pop(); set_items(top(), {k, v}); break; }
      case 'u': { auto kv = pop_to_mark(); set_items(top(), std::move(kv)); break; }
      case 'a': { auto v = pop(); append_to(top(), {v}); break; }
      case 'e': { auto items = pop_to_mark(); append_to(top(), std::move(items)); break; }
      case 0x8f: push(Value::object("builtins.set", nullptr)); break;  // EMPTY_SET
      case 0x90: { auto items = pop_to_mark(); append_to(top(), std::move(items)); break; }  // ADDITEMS
      case 0x91: {  // FROZENSET
        auto set = Value::object("builtins.frozenset", nullptr);
        append_to(set, pop_to_mark());
        push(set);
        break;
      }
      case 'J': push(Value::integer(static_cast<int32_t>(le(4)))); break;
      case 'K': push(Value::integer(u8())); break;
      case 'M': push(Value::integer(static_cast<int64_t>(le(2)))); break;
      case 0x8a:
      case 0x8b: {  // LONG1 / LONG4: little-endian two's complement
        const size_t n = op == 0x8a ? u8() : static_cast<size_t>(le(4));
        if (n > 8) {  // wider than 64 bits (the legacy format's magic number): kept as its raw bytes
          push(Value::object("builtins.int", Value::bytes(bytes(n))));
          break;
        }
        uint64_t v = n ? le(n) : 0;
        if (n && n < 8 && (v >> (8 * n - 1)) & 1) v |= ~uint64_t(0) << (8 * n);
        push(Value::integer(static_cast<int64_t>(v)));
        break;
      }
      case 'I': {  // INT (text), also True/False in protocol 0
        const std::string s = line();
        if (s == "01") push(Value::boolean(true));
        else if (s == "00") push(Value::boolean(false));
        else {
          try { push(Value::integer(std::stoll(s))); } catch (const std::exception&) { fail("bad INT"); }
        }
        break;
      }
      case 'G': {  // BINFLOAT: big-endian double
        const unsigned char* b = take(8);
        uint64_t bits = 0;
        for (int i = 0; i < 8; ++i) bits = (bits << 8) | b[i];
        double d;
        std::memcpy(&d, &bits, 8);
        push(Value::floating(d));
        break;
      }
      case 'X': push(Value::string(bytes(le(4)))); break;
      case 0x8c: push(Value::string(bytes(u8()))); break;
      case 0x8d: push(Value::string(bytes(le(8)))); break;
      case 'T': push(Value::string(bytes(le(4)))); break;   // BINSTRING (py2 str)
      case 'U': push(Value::string(bytes(u8()))); break;    // SHORT_BINSTRING
      case 'B': push(Value::bytes(bytes(le(4)))); break;
      case 'C': push(Value::bytes(bytes(u8()))); break;
      case 0x8e: push(Value::bytes(bytes(le(8)))); break;
      case 'N': push(Value::none()); break;
      case 0x88: push(Value::boolean(true)); break;
      case 0x89: push(Value::boolean(false)); break;
      case 'q': memo_put(u8(), top()); break;
      case 'r': memo_put(le(4), top()); break;
      case 0x94: memo_put(memo_.size(), top()); break;  // MEMOIZE
      case 'p': memo_put(text_index(), top()); break;
      case 'h': push(memo_get(u8())); break;
      case 'j': push(memo_get(le(4))); break;
      case 'g': push(memo_get(text_index())); break;
      case 'c': {  // GLOBAL "module\nname\n"
        std::string module = line();
        std::string attr = line();
        push(global(module, attr));
        break;
      }
      case 0x93: {  // STACK_GLOBAL
        auto attr = pop();
        auto module = pop();
        if (!attr->is(ValueKind::String) || !module->is(ValueKind::String)) fail("STACK_GLOBAL needs two strings");
        push(global(module->as_string(), attr->as_string()));
        break;
      }
      case 'R': { auto args = pop(); auto fn = pop(); push(call(fn, args)); break; }
      case 0x81: { auto args = pop(); auto cls = pop(); push(call(cls, args)); break; }  // NEWOBJ
      case 0x92: { pop(); auto args = pop(); auto cls = pop(); push(call(cls, args)); break; }  // NEWOBJ_EX
      case 'b': { auto state = pop(); build(top(), state); break; }
      case 'Q': {  // BINPERSID
        auto pid = pop();
        if (!loader_) fail("persistent id without a storage loader");
        push(loader_(pid));
        break;
      }
      case 'P': {  // PERSID (text): not written by torch.save
        fail("text persistent ids are not supported");
      }
      case '0': pop(); break;  // POP
      case '1': pop_to_mark(); break;  // POP_MARK
      case '2': push(top()); break;   // DUP
      default: {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", op);
        fail(std::string("unsupported pickle opcode ") + hex);
      }
    }
  }

  const unsigned char* p_;
  const unsigned char* end_;
  const unsigned char* begin_;
  const std::string& name_;
  const PersistentLoader& loader_;
  std::vector<ValuePtr> stack_;
  std::vector<size_t> marks_;
  std::unordered_map<uint64_t, ValuePtr> memo_;
};

}  // namespace

ValuePtr make_storage(torch::Tensor flat) { return Value::object(kStorageType, Value::tensor(std::move(flat))); }

bool is_storage(const Value& v) {
  return v.is(ValueKind::Object) && v.type_name() == kStorageType && v.state() && v.state()->is(ValueKind::Tensor);
}

torch::ScalarType storage_dtype(const std::string& global_name, const std::string& name) {
  std::string n = global_name;
  if (!n.empty() && n[0] == '@') n = n.substr(1);
  static const std::pair<const char*, torch::ScalarType> table[] = {
      {"torch.FloatStorage", torch::kFloat32}, {"torch.DoubleStorage", torch::kFloat64},
      {"torch.HalfStorage", torch::kFloat16},  {"torch.BFloat16Storage", torch::kBFloat16},
      {"torch.LongStorage", torch::kInt64},    {"torch.IntStorage", torch::kInt32},
      {"torch.ShortStorage", torch::kInt16},   {"torch.CharStorage", torch::kInt8},
      {"torch.ByteStorage", torch::kUInt8},    {"torch.BoolStorage", torch::kBool}};
  for (const auto& [key, type] : table)
    if (n == key) return type;
  throw Error(name + ": unsupported storage type '" + n + "'");
}

ValuePtr unpickle(const char* data, size_t size, const std::string& name, const PersistentLoader& loader,
                  size_t* consumed) {
  Unpickler u(data, size, name, loader);
  return u.run(consumed);
}

}  // namespace facet::io::detail
