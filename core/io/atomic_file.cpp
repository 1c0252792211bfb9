#include "core/io/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <filesystem>
#include <unistd.h>
#include <vector>

#include "core/io/error.h"

namespace fs = std::filesystem;

namespace facet::io {
namespace {

std::string errno_text() { return std::strerror(errno); }

// Writes all of `bytes` to fd, retrying short writes; false on error (errno set).
bool write_all(int fd, std::string_view bytes) {
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

void write_file_atomic(const std::string& path, std::string_view bytes) {
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) throw Error("cannot write " + path + ": " + errno_text());
  const std::string tmp(name.data());
  bool ok = write_all(fd, bytes) && ::fsync(fd) == 0;
  const std::string why = ok ? std::string() : errno_text();
  // Files are meant to be shared like any other the user saves: honour the umask instead of mkstemp's 0600.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0 && ok) ok = false;
  if (!ok) {
    ::unlink(tmp.c_str());
    throw Error("cannot write " + path + ": " + (why.empty() ? errno_text() : why) + " (nothing was changed)");
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string reason = errno_text();
    ::unlink(tmp.c_str());
    throw Error("cannot write " + path + ": " + reason + " (nothing was changed)");
  }
}

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw Error(path + ": is a folder, not a file");
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw Error("cannot read " + path + ": " + errno_text());
  // One buffer of the file's size, read into directly: growing a string chunk by chunk copied and touched about
  // twice the size of a 130 MB checkpoint. A file that grows meanwhile is still read to its end.
  std::string data;
  const auto expected = fs::file_size(path, ec);
  if (!ec) data.resize(static_cast<size_t>(expected));
  size_t got = 0, n;
  while (got < data.size() && (n = std::fread(data.data() + got, 1, data.size() - got, f)) > 0) got += n;
  data.resize(got);
  char buffer[1 << 16];
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) data.append(buffer, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) throw Error("cannot read " + path + ": read error");
  return data;
}

}  // namespace facet::io
