#pragma once
// The two containers torch.save uses around its pickle: the zip archive (PyTorch >= 1.6) and the legacy
// stream (magic number, protocol, sys_info, object pickle, storage keys, raw storages).
#include <string>

#include "core/io/value.h"

namespace facet::io::detail {

bool looks_like_zip(const char* data, size_t size);
ValuePtr read_zip_checkpoint(const char* data, size_t size, const std::string& name);
// The same from a file, read record by record (no whole-file buffer).
ValuePtr read_zip_checkpoint_file(const std::string& path);
ValuePtr read_legacy_checkpoint(const char* data, size_t size, const std::string& name);

// Serialises `root` as torch.save's zip format (protocol 2 pickle, one storage per tensor).
std::string write_zip_checkpoint(const ValuePtr& root);

}  // namespace facet::io::detail
