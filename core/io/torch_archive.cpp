#include "core/io/torch_archive.h"

#include <cerrno>
#include <cstring>
#include <map>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <caffe2/serialize/inline_container.h>
#include <caffe2/serialize/read_adapter_interface.h>
#include <torch/torch.h>

#include "core/io/error.h"
#include "core/io/pickle_reader.h"

namespace facet::io::detail {
namespace {

// A bounds-checked view of memory for PyTorchStreamReader (LibTorch's MemoryReadAdapter does not check).
class BoundedMemoryAdapter final : public caffe2::serialize::ReadAdapterInterface {
 public:
  BoundedMemoryAdapter(const char* data, size_t size) : data_(data), size_(size) {}
  size_t size() const override { return size_; }
  size_t read(uint64_t pos, void* buf, size_t n, const char* /*what*/) const override {
    if (pos >= size_) return 0;
    const size_t count = std::min<uint64_t>(n, size_ - pos);
    std::memcpy(buf, data_ + pos, count);
    return count;
  }

 private:
  const char* data_;
  size_t size_;
};

// Reads the archive straight from the file (pread), so a 130 MB checkpoint is not first copied whole into memory:
// each record lands once, in the buffer that becomes its tensor.
class FileReadAdapter final : public caffe2::serialize::ReadAdapterInterface {
 public:
  explicit FileReadAdapter(const std::string& path) : path_(path), fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_ < 0) throw Error("cannot read " + path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd_);
      throw Error(path + ": not a regular file");
    }
    size_ = static_cast<size_t>(st.st_size);
  }
  ~FileReadAdapter() override { ::close(fd_); }
  FileReadAdapter(const FileReadAdapter&) = delete;
  FileReadAdapter& operator=(const FileReadAdapter&) = delete;

  size_t size() const override { return size_; }
  size_t read(uint64_t pos, void* buf, size_t n, const char* /*what*/) const override {
    size_t got = 0;
    while (got < n && pos + got < size_) {
      const ssize_t r = ::pread(fd_, static_cast<char*>(buf) + got, n - got, static_cast<off_t>(pos + got));
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) throw Error("cannot read " + path_ + ": " + std::strerror(errno));
      if (r == 0) break;  // the file shrank meanwhile: the reader reports the short record
      got += static_cast<size_t>(r);
    }
    return got;
  }

 private:
  std::string path_;
  int fd_;
  size_t size_ = 0;
};

// A storage persistent id: ('storage', <storage class>, key, location, numel[, view metadata]).
struct StorageId {
  torch::ScalarType dtype;
  std::string key;
  int64_t numel;
};

StorageId parse_pid(const ValuePtr& pid, const std::string& name) {
  if (!pid->is(ValueKind::Tuple) || pid->items().size() < 5 || !pid->items()[0]->is(ValueKind::String) ||
      pid->items()[0]->as_string() != "storage")
    throw Error(name + ": unexpected persistent id " + pid->repr() + "; not a torch.save file");
  const auto& a = pid->items();
  if (!a[1]->is(ValueKind::Object)) throw Error(name + ": storage without a storage type");
  StorageId id{storage_dtype(a[1]->type_name(), name), key_text(*a[2]), 0};
  if (!a[4]->is(ValueKind::Int) || a[4]->as_int() < 0) throw Error(name + ": bad storage size");
  id.numel = a[4]->as_int();
  return id;
}

}  // namespace

bool looks_like_zip(const char* data, size_t size) { return size >= 4 && std::memcmp(data, "PK\x03\x04", 4) == 0; }

namespace {

ValuePtr read_zip(std::shared_ptr<caffe2::serialize::ReadAdapterInterface> source, const std::string& name) {
  std::unique_ptr<caffe2::serialize::PyTorchStreamReader> reader;
  try {
    reader = std::make_unique<caffe2::serialize::PyTorchStreamReader>(std::move(source));
  } catch (const c10::Error& e) {
    throw Error(name + ": not a readable PyTorch zip archive (" + e.what_without_backtrace() + ")");
  } catch (const std::exception& e) {  // LibTorch parses the version record with std::stoull
    throw Error(name + ": not a readable PyTorch zip archive (bad version record: " + e.what() + ")");
  }
  auto record = [&](const std::string& record_name) -> std::pair<at::DataPtr, size_t> {
    if (!reader->hasRecord(record_name)) throw Error(name + ": the archive has no record '" + record_name + "'");
    try {
      auto [ptr, len] = reader->getRecord(record_name);
      return {std::move(ptr), len};
    } catch (const c10::Error& e) {
      throw Error(name + ": cannot read record '" + record_name + "' (" + e.what_without_backtrace() + ")");
    }
  };

  std::map<std::string, ValuePtr> storages;
  PersistentLoader loader = [&](const ValuePtr& pid) -> ValuePtr {
    const StorageId id = parse_pid(pid, name);
    auto it = storages.find(id.key);
    if (it != storages.end()) return it->second;
    auto [ptr, len] = record("data/" + id.key);
    const size_t elem = c10::elementSize(id.dtype);
    if (static_cast<uint64_t>(id.numel) > len / elem)
      throw Error(name + ": storage '" + id.key + "' is shorter than its " + std::to_string(id.numel) + " elements");
    torch::Tensor flat = torch::empty({id.numel}, torch::TensorOptions().dtype(id.dtype));
    if (id.numel) std::memcpy(flat.data_ptr(), ptr.get(), static_cast<size_t>(id.numel) * elem);
    ValuePtr storage = make_storage(flat);
    storages.emplace(id.key, storage);
    return storage;
  };
  auto [pkl, pkl_len] = record("data.pkl");
  return unpickle(static_cast<const char*>(pkl.get()), pkl_len, name, loader);
}

}  // namespace

ValuePtr read_zip_checkpoint(const char* data, size_t size, const std::string& name) {
  return read_zip(std::make_shared<BoundedMemoryAdapter>(data, size), name);
}

ValuePtr read_zip_checkpoint_file(const std::string& path) {
  return read_zip(std::make_shared<FileReadAdapter>(path), path);
}

ValuePtr read_legacy_checkpoint(const char* data, size_t size, const std::string& name) {
  size_t pos = 0, used = 0;
  auto next_pickle = [&](const PersistentLoader& loader) {
    ValuePtr v = unpickle(data + pos, size - pos, name, loader, &used);
    pos += used;
    return v;
  };
  ValuePtr magic = next_pickle(nullptr);
  // torch.serialization's MAGIC_NUMBER 0x1950a86a20f9469cfc6c, as the little-endian bytes of its LONG1.
  static const std::string kMagic("\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 10);
  if (!magic->is(ValueKind::Object) || magic->type_name() != "builtins.int" || magic->state()->as_string() != kMagic)
    throw Error(name + ": not a PyTorch checkpoint (no zip archive, no legacy magic number)");
  ValuePtr protocol = next_pickle(nullptr);
  if (!protocol->is(ValueKind::Int) || protocol->as_int() != 1001)
    throw Error(name + ": unknown legacy checkpoint protocol " + protocol->repr());
  next_pickle(nullptr);  // sys_info: endianness and type sizes (little-endian assumed, as on every platform we run)

  struct Pending {
    torch::ScalarType dtype;
    int64_t numel;
    ValuePtr storage;
  };
  std::map<std::string, Pending> storages;
  PersistentLoader loader = [&](const ValuePtr& pid) -> ValuePtr {
    const StorageId id = parse_pid(pid, name);
    auto it = storages.find(id.key);
    if (it == storages.end()) {
      // The bytes follow the pickle; bound the allocation by what the file can hold.
      if (static_cast<uint64_t>(id.numel) > size / c10::elementSize(id.dtype))
        throw Error(name + ": storage '" + id.key + "' is larger than the file");
      torch::Tensor flat = torch::zeros({id.numel}, torch::TensorOptions().dtype(id.dtype));
      it = storages.emplace(id.key, Pending{id.dtype, id.numel, make_storage(flat)}).first;
    }
    const auto& a = pid->items();
    if (a.size() >= 6 && a[5]->is(ValueKind::Tuple) && a[5]->items().size() == 3) {
      // A view of a larger storage: (view_key, offset, view_size).
      const auto& view = a[5]->items();
      const int64_t offset = view[1]->as_int(), count = view[2]->as_int();
      const torch::Tensor& base = it->second.storage->state()->as_tensor();
      if (offset < 0 || count < 0 || offset + count > base.numel()) throw Error(name + ": bad storage view");
      return make_storage(base.narrow(0, offset, count));
    }
    return it->second.storage;
  };
  ValuePtr root = next_pickle(loader);
  ValuePtr keys = next_pickle(nullptr);
  if (!keys->is(ValueKind::List)) throw Error(name + ": legacy checkpoint without a storage key list");
  for (const auto& key_value : keys->items()) {
    const std::string key = key_text(*key_value);
    auto it = storages.find(key);
    if (it == storages.end()) throw Error(name + ": storage '" + key + "' is listed but never used");
    if (size - pos < 8) throw Error(name + ": truncated storage '" + key + "'");
    int64_t count = 0;
    std::memcpy(&count, data + pos, 8);
    pos += 8;
    const size_t elem = c10::elementSize(it->second.dtype);
    if (count != it->second.numel || static_cast<uint64_t>(count) > (size - pos) / elem)
      throw Error(name + ": truncated or inconsistent storage '" + key + "'");
    torch::Tensor flat = it->second.storage->state()->as_tensor();
    if (count) std::memcpy(flat.data_ptr(), data + pos, static_cast<size_t>(count) * elem);
    pos += static_cast<size_t>(count) * elem;
  }
  return root;
}

namespace {

// A minimal protocol-2 pickler for the values Facet writes (state dicts and plain containers).
class Pickler {
 public:
  std::string out;
  std::vector<torch::Tensor> storages;

  void write_root(const ValuePtr& root) {
    out += "\x80\x02";
    write(*root);
    out += '.';
  }

 private:
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
  }
  void str(const std::string& s) {
    out += 'X';
    u32(static_cast<uint32_t>(s.size()));
    out += s;
  }
  void integer(int64_t v) {
    if (v >= INT32_MIN && v <= INT32_MAX) {
      out += 'J';
      u32(static_cast<uint32_t>(static_cast<int32_t>(v)));
    } else {
      out += "\x8a\x08";
      for (int i = 0; i < 8; ++i) out += static_cast<char>((static_cast<uint64_t>(v) >> (8 * i)) & 0xff);
    }
  }
  void global(const char* module, const char* attr) { out += std::string("c") + module + "\n" + attr + "\n"; }
  void ordered_dict_start() {
    global("collections", "OrderedDict");
    out += ")R";
  }

  static const char* storage_class(torch::ScalarType t) {
    switch (t) {
      case torch::kFloat32: return "FloatStorage";
      case torch::kFloat64: return "DoubleStorage";
      case torch::kFloat16: return "HalfStorage";
      case torch::kBFloat16: return "BFloat16Storage";
      case torch::kInt64: return "LongStorage";
      case torch::kInt32: return "IntStorage";
      case torch::kInt16: return "ShortStorage";
      case torch::kInt8: return "CharStorage";
      case torch::kUInt8: return "ByteStorage";
      case torch::kBool: return "BoolStorage";
      default: throw Error(std::string("cannot save a tensor of type ") + c10::toString(t));
    }
  }

  void tensor(const torch::Tensor& t) {
    torch::Tensor c = t.detach().to(torch::kCPU).contiguous();
    const std::string key = std::to_string(storages.size());
    storages.push_back(c);
    global("torch._utils", "_rebuild_tensor_v2");
    out += '(';
    out += '(';
    str("storage");
    global("torch", storage_class(c.scalar_type()));
    str(key);
    str("cpu");
    integer(c.numel());
    out += "tQ";
    integer(0);
    out += '(';
    for (int64_t s : c.sizes()) integer(s);
    out += 't';
    out += '(';
    for (int64_t s : c.strides()) integer(s);
    out += 't';
    out += '\x89';
    ordered_dict_start();
    out += "tR";
  }

  void write(const Value& v) {
    switch (v.kind()) {
      case ValueKind::None: out += 'N'; break;
      case ValueKind::Bool: out += v.as_bool() ? '\x88' : '\x89'; break;
      case ValueKind::Int: integer(v.as_int()); break;
      case ValueKind::Float: {
        double d = v.as_double();
        uint64_t bits;
        std::memcpy(&bits, &d, 8);
        out += 'G';
        for (int i = 7; i >= 0; --i) out += static_cast<char>((bits >> (8 * i)) & 0xff);
        break;
      }
      case ValueKind::String: str(v.as_string()); break;
      case ValueKind::Bytes: {
        out += 'B';
        u32(static_cast<uint32_t>(v.as_string().size()));
        out += v.as_string();
        break;
      }
      case ValueKind::Tensor: tensor(v.as_tensor()); break;
      case ValueKind::Tuple:
        out += '(';
        for (const auto& item : v.items()) write(*item);
        out += 't';
        break;
      case ValueKind::List:
        out += "](";
        for (const auto& item : v.items()) write(*item);
        out += 'e';
        break;
      case ValueKind::Dict:
        ordered_dict_start();
        out += '(';
        for (const auto& [k, val] : v.entries()) {
          write(*k);
          write(*val);
        }
        out += 'u';
        break;
      case ValueKind::Object: throw Error("cannot save an opaque Python object (" + v.type_name() + ")");
    }
  }
};

}  // namespace

std::string write_zip_checkpoint(const ValuePtr& root) {
  Pickler pickler;
  pickler.write_root(root);
  std::string archive;
  {
    caffe2::serialize::PyTorchStreamWriter writer([&](const void* buf, size_t n) -> size_t {
      archive.append(static_cast<const char*>(buf), n);
      return n;
    });
    writer.writeRecord("data.pkl", pickler.out.data(), pickler.out.size());
    for (size_t i = 0; i < pickler.storages.size(); ++i) {
      const torch::Tensor& s = pickler.storages[i];
      writer.writeRecord("data/" + std::to_string(i), s.data_ptr(), static_cast<size_t>(s.numel()) * s.element_size());
    }
    writer.writeEndOfFile();
  }
  return archive;
}

}  // namespace facet::io::detail
