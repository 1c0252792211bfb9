#pragma once
// A safe unpickler for the subset of the pickle protocol (0–5 opcodes, no code execution) that torch.save
// writes. Python globals resolve through an allow-list (pickle_globals.cpp); everything else is refused.
#include <functional>
#include <string>

#include "core/io/value.h"

namespace facet::io::detail {

// Called for each persistent id (BINPERSID): torch.save's storage references. Returns the storage value.
using PersistentLoader = std::function<ValuePtr(const ValuePtr& pid)>;

// Unpickles one pickle from data[0..size); `consumed` receives the bytes read (legacy files hold several pickles
// back to back). Throws facet::Error prefixed with `name`.
ValuePtr unpickle(const char* data, size_t size, const std::string& name, const PersistentLoader& loader,
                  size_t* consumed = nullptr);

// A storage as the reader keeps it: a flat tensor of the storage's dtype. Tensors are views into it.
ValuePtr make_storage(torch::Tensor flat);
bool is_storage(const Value& v);

// The dtype a storage class global names ("torch.FloatStorage" → Float); throws for other names.
torch::ScalarType storage_dtype(const std::string& global_name, const std::string& name);

}  // namespace facet::io::detail
