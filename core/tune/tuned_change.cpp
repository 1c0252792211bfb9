#include "core/tune/tuned_change.h"

#include <algorithm>

#include <torch/torch.h>

#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "core/io/sha256.h"

namespace facet::tune {

namespace {

constexpr const char* kFormat = "facet.tuned";
constexpr int64_t kVersion = 1;

using io::Value;
using io::ValuePtr;

ValuePtr tensor_dict(const std::map<std::string, torch::Tensor>& tensors) {
  Value::Entries entries;
  for (const auto& [name, t] : tensors) entries.emplace_back(Value::string(name), Value::tensor(t));
  return Value::dict(std::move(entries));
}

std::map<std::string, torch::Tensor> read_tensor_dict(const ValuePtr& v, const std::string& what) {
  std::map<std::string, torch::Tensor> out;
  if (!v) return out;
  if (!v->is(io::ValueKind::Dict)) throw Error(what + " is not a dict");
  for (const auto& [key, value] : v->entries()) out[io::key_text(*key)] = value->as_tensor();
  return out;
}

// A 2-D view of a tensor for low-rank factors: convolution weights [1, out, in, k, k] as [out, in·k·k].
torch::Tensor as_matrix(const torch::Tensor& t) {
  const torch::Tensor s = t.dim() == 5 ? t[0] : t;
  return s.reshape({s.size(0), -1});
}

}  // namespace

torch::Tensor TunedChange::delta(const std::string& name, at::IntArrayRef shape) const {
  if (auto it = deltas.find(name); it != deltas.end()) return it->second.to(torch::kFloat32).reshape(shape);
  if (auto it = factors.find(name); it != factors.end())
    return torch::mm(it->second.first.to(torch::kFloat32), it->second.second.to(torch::kFloat32)).reshape(shape);
  return {};
}

std::string weights_sha256(nn::StyleGan2& generator) {
  io::Sha256 hash;
  auto add = [&](const std::string& name, const torch::Tensor& t) {
    hash.update(name);
    for (int64_t d : t.sizes()) hash.update(std::to_string(d) + ",");
    const torch::Tensor data = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    hash.update(data.data_ptr(), data.numel() * sizeof(float));
  };
  for (const auto& p : generator.module().named_parameters()) add(p.key(), p.value());
  for (const auto& b : generator.module().named_buffers()) add(b.key(), b.value());
  return hash.hex();
}

TunedChange make_change(nn::StyleGan2& base, nn::StyleGan2& tuned, ChangeEncoding encoding, int64_t rank) {
  TunedChange change;
  change.base_sha256 = weights_sha256(base);
  change.size = base.size();
  change.encoding = encoding;
  change.rank = encoding == ChangeEncoding::LowRank ? rank : 0;
  const auto before = base.module().named_parameters();
  torch::NoGradGuard no_grad;
  for (const auto& p : tuned.module().named_parameters()) {
    const torch::Tensor* b = before.find(p.key());
    if (!b || b->sizes() != p.value().sizes())
      throw Error("tuned generator: parameter '" + p.key() + "' does not match the base generator");
    const torch::Tensor d = (p.value().to(torch::kCPU, torch::kFloat32) - b->to(torch::kCPU, torch::kFloat32));
    if (!d.ne(0).any().item<bool>()) continue;  // unchanged: not stored
    const torch::Tensor m = as_matrix(d);
    const int64_t r = std::min({rank, m.size(0), m.size(1)});
    if (encoding == ChangeEncoding::LowRank && d.dim() >= 2 && r * (m.size(0) + m.size(1)) < m.numel()) {
      auto [u, s, vh] = torch::linalg_svd(m, /*full_matrices=*/false);
      change.factors[p.key()] = {(u.slice(1, 0, r) * s.slice(0, 0, r)).to(torch::kBFloat16).contiguous(),
                                 vh.slice(0, 0, r).to(torch::kBFloat16).contiguous()};
    } else {
      change.deltas[p.key()] = d.contiguous().to(torch::kBFloat16);
    }
  }
  return change;
}

void save_change(const std::string& path, const TunedChange& change) {
  std::map<std::string, torch::Tensor> factors;
  for (const auto& [name, lr] : change.factors) {
    factors[name + ".left"] = lr.first;
    factors[name + ".right"] = lr.second;
  }
  Value::Entries info;
  for (const auto& [k, v] : change.info) info.emplace_back(Value::string(k), Value::floating(v));
  Value::Entries root = {
      {Value::string("format"), Value::string(kFormat)},
      {Value::string("version"), Value::integer(kVersion)},
      {Value::string("base_sha256"), Value::string(change.base_sha256)},
      {Value::string("size"), Value::integer(change.size)},
      {Value::string("encoding"), Value::string(change.encoding == ChangeEncoding::LowRank ? "low-rank" : "bfloat16")},
      {Value::string("rank"), Value::integer(change.rank)},
      {Value::string("deltas"), tensor_dict(change.deltas)},
      {Value::string("factors"), tensor_dict(factors)},
      {Value::string("info"), Value::dict(std::move(info))},
  };
  io::save_checkpoint(path, Value::dict(std::move(root)));
}

TunedChange load_change(const std::string& path) {
  const io::Checkpoint ckpt = io::load_checkpoint(path);
  const ValuePtr root = ckpt.root();
  auto field = [&](const std::string& key) {
    ValuePtr v = root->get(key);
    if (!v) throw Error(path + ": not a tuned-generator file (no '" + key + "')");
    return v;
  };
  if (!root->is(io::ValueKind::Dict) || !root->get("format") || root->get("format")->as_string() != kFormat)
    throw Error(path + ": not a tuned-generator file (made by facet-cli tune)");
  if (field("version")->as_int() > kVersion)
    throw Error(path + ": tuned-generator format version " + std::to_string(field("version")->as_int()) +
                " is newer than this Facet reads (" + std::to_string(kVersion) + ")");
  TunedChange change;
  change.base_sha256 = field("base_sha256")->as_string();
  change.size = field("size")->as_int();
  const std::string encoding = field("encoding")->as_string();
  if (encoding != "bfloat16" && encoding != "low-rank") throw Error(path + ": unknown encoding '" + encoding + "'");
  change.encoding = encoding == "low-rank" ? ChangeEncoding::LowRank : ChangeEncoding::BFloat16;
  change.rank = field("rank")->as_int();
  change.deltas = read_tensor_dict(field("deltas"), path + ": deltas");
  const auto factors = read_tensor_dict(field("factors"), path + ": factors");
  for (const auto& [key, t] : factors) {
    const auto dot = key.rfind('.');
    const std::string name = key.substr(0, dot), side = key.substr(dot + 1);
    if (side == "left") {
      auto right = factors.find(name + ".right");
      if (right == factors.end()) throw Error(path + ": factor '" + name + "' has no right half");
      if (t.dim() != 2 || right->second.dim() != 2 || t.size(1) != right->second.size(0))
        throw Error(path + ": factors of '" + name + "' have mismatched shapes");
      change.factors[name] = {t, right->second};
    } else if (side != "right") {
      throw Error(path + ": unexpected factor '" + key + "'");
    }
  }
  if (ValuePtr info = root->get("info"); info && info->is(io::ValueKind::Dict))
    for (const auto& [k, v] : info->entries()) change.info[io::key_text(*k)] = v->as_double();
  return change;
}

std::shared_ptr<nn::StyleGan2> apply_change(nn::StyleGan2& base, const TunedChange& change, const std::string& what) {
  const std::string hash = weights_sha256(base);
  if (hash != change.base_sha256)
    throw Error(what + " was tuned from another generator (its base's weights have SHA-256 " +
                change.base_sha256.substr(0, 12) + "…, this generator's " + hash.substr(0, 12) +
                "…): give the --generator it was tuned from");
  auto tuned = base.cast(torch::kFloat32);  // a copy
  const auto params = tuned->module().named_parameters();
  size_t applied = 0;
  {
    torch::NoGradGuard no_grad;
    for (const auto& p : params) {
      const torch::Tensor d = change.delta(p.key(), p.value().sizes());
      if (!d.defined()) continue;
      p.value().add_(d.to(p.value().device(), p.value().scalar_type()));
      ++applied;
    }
  }
  if (applied != change.deltas.size() + change.factors.size())
    throw Error(what + ": names tensors this generator does not have");
  return tuned->cast(torch::kFloat32);  // a copy whose fast path is prepared from the changed weights
}

void export_rosinality(nn::StyleGan2& generator, const std::string& path) {
  Value::Entries state;
  for (const auto& p : generator.module().named_parameters())
    state.emplace_back(Value::string(p.key()), Value::tensor(p.value().detach().to(torch::kCPU, torch::kFloat32).contiguous()));
  for (const auto& b : generator.module().named_buffers())
    state.emplace_back(Value::string(b.key()), Value::tensor(b.value().to(torch::kCPU, torch::kFloat32).contiguous()));
  Value::Entries root = {{Value::string("g_ema"), Value::dict(std::move(state))},
                         {Value::string("latent_avg"), Value::tensor(generator.latent_avg().to(torch::kCPU, torch::kFloat32))}};
  io::save_checkpoint(path, Value::dict(std::move(root)));
}

}  // namespace facet::tune
