#include "core/io/value.h"

#include <sstream>

#include "core/io/error.h"

namespace facet::io {

const char* kind_name(ValueKind kind) {
  switch (kind) {
    case ValueKind::None: return "None";
    case ValueKind::Bool: return "bool";
    case ValueKind::Int: return "int";
    case ValueKind::Float: return "float";
    case ValueKind::String: return "str";
    case ValueKind::Bytes: return "bytes";
    case ValueKind::Tensor: return "tensor";
    case ValueKind::List: return "list";
    case ValueKind::Tuple: return "tuple";
    case ValueKind::Dict: return "dict";
    case ValueKind::Object: return "object";
  }
  return "?";
}

namespace {
[[noreturn]] void wrong_kind(const char* wanted, ValueKind got) {
  throw Error(std::string("expected a ") + wanted + " value, found " + kind_name(got));
}
}  // namespace

ValuePtr Value::none() { return std::make_shared<Value>(); }
ValuePtr Value::boolean(bool v) {
  auto p = std::make_shared<Value>();
  p->kind_ = ValueKind::Bool;
  p->b_ = v;
  return p;
}
ValuePtr Value::integer(int64_t v) {
  auto p = std::make_shared<Value>();
  p->kind_ = ValueKind::Int;
  p->i_ = v;
  return p;
}
ValuePtr Value::floating(double v) {
  auto p = std::make_shared<Value>();
  p->kind_ = ValueKind::Float;
  p->f_ = v;
  return p;
}
ValuePtr Value::string(std::string v) {
  auto p = std::make_shared<Value>();
  p->kind_ = ValueKind::String;
  p->s_ = std::move(v);
  return p;
}
ValuePtr Value::bytes(std::string v) {
  auto p = std::make_shared<Value>();
  p->kind_ = ValueKind::Bytes;
  p->s_ = std::move(v);
  return p;
}
ValuePtr Value::tensor(torch::Tensor v) {
  auto p = std::make_shared<Value>();
  p->kind_ = ValueKind::Tensor;
  p->t_ = std::move(v);
  return p;
}
ValuePtr Value::list(Items items) {
  auto p = std::make_shared<Value>();
  p->kind_ = ValueKind::List;
  p->items_ = std::move(items);
  return p;
}
ValuePtr Value::tuple(Items items) {
  auto p = std::make_shared<Value>();
  p->kind_ = ValueKind::Tuple;
  p->items_ = std::move(items);
  return p;
}
ValuePtr Value::dict(Entries entries) {
  auto p = std::make_shared<Value>();
  p->kind_ = ValueKind::Dict;
  p->entries_ = std::move(entries);
  return p;
}
ValuePtr Value::object(std::string type_name, ValuePtr state) {
  auto p = std::make_shared<Value>();
  p->kind_ = ValueKind::Object;
  p->s_ = std::move(type_name);
  p->state_ = std::move(state);
  return p;
}

bool Value::as_bool() const {
  if (kind_ == ValueKind::Bool) return b_;
  if (kind_ == ValueKind::Int) return i_ != 0;
  wrong_kind("bool", kind_);
}
int64_t Value::as_int() const {
  if (kind_ == ValueKind::Int) return i_;
  if (kind_ == ValueKind::Bool) return b_ ? 1 : 0;
  wrong_kind("int", kind_);
}
double Value::as_double() const {
  if (kind_ == ValueKind::Float) return f_;
  if (kind_ == ValueKind::Int) return static_cast<double>(i_);
  wrong_kind("float", kind_);
}
const std::string& Value::as_string() const {
  if (kind_ == ValueKind::String || kind_ == ValueKind::Bytes) return s_;
  wrong_kind("str", kind_);
}
const torch::Tensor& Value::as_tensor() const {
  if (kind_ == ValueKind::Tensor) return t_;
  wrong_kind("tensor", kind_);
}
const Value::Items& Value::items() const {
  if (kind_ == ValueKind::List || kind_ == ValueKind::Tuple) return items_;
  wrong_kind("list", kind_);
}
const Value::Entries& Value::entries() const {
  if (kind_ == ValueKind::Dict) return entries_;
  wrong_kind("dict", kind_);
}
const std::string& Value::type_name() const {
  if (kind_ == ValueKind::Object) return s_;
  wrong_kind("object", kind_);
}
const ValuePtr& Value::state() const {
  if (kind_ == ValueKind::Object) return state_;
  wrong_kind("object", kind_);
}

ValuePtr Value::get(const std::string& key) const {
  if (kind_ == ValueKind::Object) return state_ ? state_->get(key) : nullptr;
  if (kind_ != ValueKind::Dict) return nullptr;
  for (const auto& [k, v] : entries_)
    if (key_text(*k) == key) return v;
  return nullptr;
}

std::string key_text(const Value& key) {
  switch (key.kind()) {
    case ValueKind::String:
    case ValueKind::Bytes: return key.as_string();
    case ValueKind::Int: return std::to_string(key.as_int());
    default: return key.repr();
  }
}

std::string Value::repr(size_t max_items) const {
  std::ostringstream out;
  switch (kind_) {
    case ValueKind::None: out << "None"; break;
    case ValueKind::Bool: out << (b_ ? "True" : "False"); break;
    case ValueKind::Int: out << i_; break;
    case ValueKind::Float: out << f_; break;
    case ValueKind::String: out << '\'' << s_ << '\''; break;
    case ValueKind::Bytes: out << "b<" << s_.size() << " bytes>"; break;
    case ValueKind::Tensor: out << c10::toString(t_.scalar_type()) << t_.sizes(); break;
    case ValueKind::List:
    case ValueKind::Tuple: {
      out << (kind_ == ValueKind::List ? '[' : '(');
      for (size_t i = 0; i < items_.size() && i < max_items; ++i) out << (i ? ", " : "") << items_[i]->repr(max_items);
      if (items_.size() > max_items) out << ", … " << items_.size() << " items";
      out << (kind_ == ValueKind::List ? ']' : ')');
      break;
    }
    case ValueKind::Dict: {
      out << '{';
      for (size_t i = 0; i < entries_.size() && i < max_items; ++i)
        out << (i ? ", " : "") << entries_[i].first->repr(max_items) << ": " << entries_[i].second->repr(max_items);
      if (entries_.size() > max_items) out << ", … " << entries_.size() << " entries";
      out << '}';
      break;
    }
    case ValueKind::Object: out << s_ << '(' << (state_ ? state_->repr(max_items) : "") << ')'; break;
  }
  return out.str();
}

}  // namespace facet::io
