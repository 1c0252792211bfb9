#include "core/io/npy.h"

#include <algorithm>
#include <cstring>
#include <regex>

#include <torch/torch.h>

#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::io {
namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMaxElements = size_t(1) << 34;  // refuse absurd shapes before allocating

struct DtypeInfo {
  torch::ScalarType type;
  size_t size;
};

// NumPy descr → torch dtype. Only little-endian ('<') or byte-free ('|') types; Facet runs on x86/ARM LE.
DtypeInfo parse_descr(const std::string& descr, const std::string& name) {
  static const std::pair<const char*, DtypeInfo> table[] = {
      {"<f4", {torch::kFloat32, 4}}, {"<f2", {torch::kFloat16, 2}}, {"<f8", {torch::kFloat64, 8}},
      {"<i8", {torch::kInt64, 8}},   {"<i4", {torch::kInt32, 4}},   {"|u1", {torch::kUInt8, 1}},
      {"|b1", {torch::kBool, 1}},    {"|i1", {torch::kInt8, 1}},    {"<i2", {torch::kInt16, 2}}};
  for (const auto& [key, info] : table)
    if (descr == key) return info;
  throw Error(name + ": unsupported .npy dtype '" + descr +
              "' (Facet reads float32/16/64, int64/32/16/8, uint8 and bool, little-endian)");
}

std::string descr_of(torch::ScalarType type) {
  switch (type) {
    case torch::kFloat32: return "<f4";
    case torch::kFloat16: return "<f2";
    case torch::kFloat64: return "<f8";
    case torch::kInt64: return "<i8";
    case torch::kInt32: return "<i4";
    case torch::kInt16: return "<i2";
    case torch::kInt8: return "|i1";
    case torch::kUInt8: return "|u1";
    case torch::kBool: return "|b1";
    default: throw Error(std::string("cannot write a ") + c10::toString(type) + " tensor as .npy");
  }
}

// Extracts the value text of 'key' from the header dict literal.
std::string header_field(const std::string& header, const std::string& key, const std::string& name) {
  std::smatch m;
  std::regex re("'" + key + "'\\s*:\\s*(\\([^)]*\\)|'[^']*'|True|False)");
  if (!std::regex_search(header, m, re)) throw Error(name + ": .npy header has no '" + key + "' entry");
  return m[1].str();
}

}  // namespace

torch::Tensor read_npy_from_memory(const void* data, size_t size, const std::string& name) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  if (size < 10 || std::memcmp(bytes, kMagic, 6) != 0) throw Error(name + ": not a NumPy .npy file");
  const int major = bytes[6];
  size_t header_len = 0, offset = 0;
  if (major == 1) {
    header_len = bytes[8] | (bytes[9] << 8);
    offset = 10;
  } else if (major == 2 || major == 3) {
    if (size < 12) throw Error(name + ": truncated .npy header");
    header_len = size_t(bytes[8]) | (size_t(bytes[9]) << 8) | (size_t(bytes[10]) << 16) | (size_t(bytes[11]) << 24);
    offset = 12;
  } else {
    throw Error(name + ": unsupported .npy format version " + std::to_string(major));
  }
  if (header_len > size - offset) throw Error(name + ": truncated .npy header");
  const std::string header(reinterpret_cast<const char*>(bytes + offset), header_len);
  offset += header_len;

  std::string descr = header_field(header, "descr", name);
  descr = descr.substr(1, descr.size() - 2);
  if (descr.size() == 3 && descr[0] == '=') descr[0] = '<';
  if (descr == "<u1" || descr == "<b1" || descr == "<i1") descr[0] = '|';
  const DtypeInfo info = parse_descr(descr, name);
  const bool fortran = header_field(header, "fortran_order", name) == "True";

  std::string shape_text = header_field(header, "shape", name);
  std::vector<int64_t> shape;
  size_t count = 1;
  // The product of the dimensions taken as at least 1: a zero dimension must not let huge ones through (their
  // strides would overflow).
  size_t extent = 1;
  for (size_t i = 0; i < shape_text.size();) {
    if (std::isdigit(static_cast<unsigned char>(shape_text[i]))) {
      size_t j = i;
      while (j < shape_text.size() && std::isdigit(static_cast<unsigned char>(shape_text[j]))) ++j;
      if (j - i > 12) throw Error(name + ": .npy shape is too large");
      const int64_t dim = std::stoll(shape_text.substr(i, j - i));
      shape.push_back(dim);
      const size_t at_least_one = static_cast<size_t>(std::max<int64_t>(dim, 1));
      if (extent > kMaxElements / at_least_one) throw Error(name + ": .npy shape is too large");
      extent *= at_least_one;
      count *= static_cast<size_t>(dim);
      i = j;
    } else {
      ++i;
    }
  }
  const size_t nbytes = count * info.size;
  if (nbytes > size - offset)
    throw Error(name + ": truncated .npy data (" + std::to_string(size - offset) + " of " + std::to_string(nbytes) +
                " bytes)");

  std::vector<int64_t> storage_shape = shape;
  if (fortran) std::reverse(storage_shape.begin(), storage_shape.end());
  torch::Tensor out = torch::empty(storage_shape, torch::TensorOptions().dtype(info.type));
  if (nbytes) std::memcpy(out.data_ptr(), bytes + offset, nbytes);
  if (fortran && shape.size() > 1) {
    std::vector<int64_t> perm(shape.size());
    for (size_t i = 0; i < perm.size(); ++i) perm[i] = static_cast<int64_t>(perm.size() - 1 - i);
    out = out.permute(perm).contiguous();
  }
  return out;
}

torch::Tensor read_npy(const std::string& path) {
  const std::string data = read_file(path);
  return read_npy_from_memory(data.data(), data.size(), path);
}

void write_npy(const std::string& path, const torch::Tensor& tensor) {
  torch::Tensor t = tensor.detach().to(torch::kCPU).contiguous();
  std::string header = "{'descr': '" + descr_of(t.scalar_type()) + "', 'fortran_order': False, 'shape': (";
  for (int64_t i = 0; i < t.dim(); ++i) header += std::to_string(t.size(i)) + (t.dim() == 1 || i + 1 < t.dim() ? ", " : "");
  if (t.dim() == 1) header.resize(header.size() - 1);  // "(5,)"
  header += "), }";
  // Pad with spaces so the data starts on a 64-byte boundary, newline last (the format's rule).
  const bool v2 = header.size() + 11 > 65535;
  const size_t prefix = v2 ? 12 : 10;
  size_t total = prefix + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::string out(kMagic, 6);
  out += static_cast<char>(v2 ? 2 : 1);
  out += '\0';
  const size_t len = header.size();
  out += static_cast<char>(len & 0xff);
  out += static_cast<char>((len >> 8) & 0xff);
  if (v2) {
    out += static_cast<char>((len >> 16) & 0xff);
    out += static_cast<char>((len >> 24) & 0xff);
  }
  out += header;
  out.append(static_cast<const char*>(t.data_ptr()), t.numel() * t.element_size());
  write_file_atomic(path, out);
}

}  // namespace facet::io
