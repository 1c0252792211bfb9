#pragma once
// Atomic writes: data goes to "<path>.tmp-XXXX" in the same folder, is flushed, then renamed over `path`.
// A failure (full disk, no permission) throws facet::Error and leaves any existing file untouched.
#include <string>
#include <string_view>

namespace facet::io {

void write_file_atomic(const std::string& path, std::string_view bytes);
std::string read_file(const std::string& path);  // whole file; facet::Error when unreadable

}  // namespace facet::io
