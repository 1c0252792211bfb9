#include "core/edit/linear_directions.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <limits>

#include "core/edit/attributes.h"
#include "core/edit/edit_stack.h"
#include "core/edit/linear_directions_checkpoint.h"
#include "core/io/checkpoint.h"
#include "core/io/error.h"

namespace facet::edit {
namespace F = torch::nn::functional;

namespace {
constexpr const char* kFormat = "facet-linear-directions";

torch::Tensor layer_index(const std::vector<bool>& layers) {
  std::vector<int64_t> idx;
  for (size_t i = 0; i < layers.size(); ++i)
    if (layers[i]) idx.push_back(static_cast<int64_t>(i));
  return torch::tensor(idx, torch::kLong);
}
}  // namespace

DirectionSet fit_directions(const torch::Tensor& latents, const torch::Tensor& labels, const DirectionFitOptions& o,
                            DirectionFitReport* report_out) {
  if (latents.dim() != 3) throw Error("latents must be [N, n_latent, dim]");
  if (labels.dim() != 2 || labels.size(0) != latents.size(0))
    throw Error("labels must be [N, attributes] with the same N as the latents (" + std::to_string(latents.size(0)) + ")");
  if (latents.size(0) < 4) throw Error("need at least four samples to fit and validate a hyperplane");
  if (!torch::isfinite(latents).all().item<bool>()) throw Error("latents hold NaN or infinite values");
  const int64_t n = latents.size(0), n_latent = latents.size(1), dim = latents.size(2);
  const std::vector<bool> layers = o.layers.empty() ? default_layers(n_latent) : o.layers;
  if (static_cast<int64_t>(layers.size()) != n_latent) throw Error("layer mask does not match the W+ layers");
  std::vector<int> attrs = o.attributes;
  if (attrs.empty())
    for (int k = 0; k < labels.size(1); ++k) attrs.push_back(k);
  for (int k : attrs)
    if (k < 0 || k >= labels.size(1)) throw Error("attribute index " + std::to_string(k) + " is outside the labels");

  torch::NoGradGuard outer_no_grad;
  const torch::Tensor sel = layer_index(layers);
  torch::Tensor x = latents.to(torch::kFloat32).index_select(1, sel).reshape({n, -1});
  torch::Tensor y = labels.to(torch::kFloat32).ge(0.5).to(torch::kFloat32);
  // NaN labels are unknown: such samples weigh nothing in the fit nor in the validation accuracy.
  const torch::Tensor known = torch::isfinite(labels.to(torch::kFloat32)).to(torch::kFloat32);

  auto gen = at::detail::createCPUGenerator(o.seed);
  const int64_t n_val = std::max<int64_t>(1, static_cast<int64_t>(std::llround(n * o.validation_fraction)));
  torch::Tensor order = torch::randperm(n, gen, torch::kLong);
  torch::Tensor val_idx = order.slice(0, 0, n_val), train_idx = order.slice(0, n_val);
  torch::Tensor xt = x.index_select(0, train_idx), xv = x.index_select(0, val_idx);

  DirectionFitReport report;
  report.train_count = train_idx.size(0);
  report.validation_count = n_val;
  // Columns with both classes in the training part; the others cannot be fitted.
  std::vector<int64_t> cols;
  for (int k : attrs) {
    const double pos = y.index_select(0, train_idx).select(1, k).sum().item<double>();
    const double count = known.index_select(0, train_idx).select(1, k).sum().item<double>();
    if (pos < 1 || pos > count - 1) report.skipped.push_back(k);
    else cols.push_back(k);
  }
  DirectionSet set;
  set.n_latent = n_latent;
  set.dim = dim;
  set.layers = layers;
  if (cols.empty()) {
    if (report_out) *report_out = report;
    return set;
  }
  const torch::Tensor col = torch::tensor(cols, torch::kLong);
  torch::Tensor yt = y.index_select(0, train_idx).index_select(1, col), yv = y.index_select(0, val_idx).index_select(1, col);

  // Standardised features keep L-BFGS well conditioned; the normal is mapped back to W+ units afterwards.
  torch::Tensor mu = xt.mean(0), sd = xt.std(0).clamp_min(1e-6);
  torch::Tensor z = (xt - mu) / sd;
  // Class balance: each class weighs half, whatever its frequency (CelebA attributes are often rare).
  const torch::Tensor kt = known.index_select(0, train_idx).index_select(1, col);
  const torch::Tensor kv = known.index_select(0, val_idx).index_select(1, col).to(torch::kFloat64);
  torch::Tensor pos = yt.sum(0), neg = kt.sum(0) - pos;
  torch::Tensor sample_weight = (yt * (yt.size(0) / (2 * pos)) + (1 - yt) * (yt.size(0) / (2 * neg))) * kt;

  const int64_t feat = z.size(1), a = static_cast<int64_t>(cols.size());
  torch::Tensor weight = torch::zeros({feat, a}, torch::requires_grad());
  torch::Tensor bias = torch::zeros({a}, torch::requires_grad());
  torch::optim::LBFGS opt({weight, bias}, torch::optim::LBFGSOptions(1.0)
                                              .max_iter(o.max_iterations)
                                              .history_size(20)
                                              .tolerance_grad(1e-6)
                                              .tolerance_change(1e-10)
                                              .line_search_fn("strong_wolfe"));
  {
    torch::AutoGradMode grad_on(true);
    auto closure = [&]() -> torch::Tensor {
      opt.zero_grad();
      torch::Tensor logits = z.mm(weight) + bias;
      torch::Tensor loss = F::binary_cross_entropy_with_logits(
                               logits, yt, F::BinaryCrossEntropyWithLogitsFuncOptions().weight(sample_weight)) *
                               a +
                           o.l2 * weight.pow(2).sum();
      loss.backward();
      return loss;
    };
    if (!(o.cancel && o.cancel->load())) opt.step(closure);
    else report.cancelled = true;
  }

  torch::Tensor raw = (weight.detach() / sd.unsqueeze(1));                // [feat, a] in W+ units
  torch::Tensor raw_bias = bias.detach() - mu.unsqueeze(0).mm(raw).squeeze(0);  // [a]
  torch::Tensor norm = raw.norm(2, 0).clamp_min(1e-12);
  torch::Tensor normal = raw / norm, offset = raw_bias / norm;
  torch::Tensor val_pred = (xv.mm(normal) + offset).gt(0).to(torch::kFloat32);
  torch::Tensor val_acc = (val_pred.eq(yv).to(torch::kFloat64) * kv).sum(0) / kv.sum(0);
  torch::Tensor spread = xt.mm(normal).std(0);
  for (int64_t j = 0; j < a; ++j) {
    LinearDirection d;
    torch::Tensor full = torch::zeros({n_latent, dim});
    full.index_copy_(0, sel, normal.select(1, j).reshape({sel.size(0), dim}));
    d.normal = full;
    d.offset = offset[j].item<double>();
    d.scale = std::max(spread[j].item<double>(), 1e-6);
    d.validation_accuracy = val_acc[j].item<double>();
    set.directions[static_cast<int>(cols[j])] = d;
    report.validation_accuracy[static_cast<int>(cols[j])] = d.validation_accuracy;
  }
  if (report_out) *report_out = report;
  return set;
}

torch::Tensor apply_direction(const torch::Tensor& wplus, const LinearDirection& d, const torch::Tensor& alpha) {
  if (wplus.dim() != 3 || wplus.size(1) != d.normal.size(0) || wplus.size(2) != d.normal.size(1))
    throw Error("linear direction is for " + std::to_string(d.normal.size(0)) + "×" + std::to_string(d.normal.size(1)) +
                " codes, the W+ is " + (wplus.dim() == 3 ? std::to_string(wplus.size(1)) + "×" + std::to_string(wplus.size(2))
                                                         : std::to_string(wplus.dim()) + "-D"));
  torch::Tensor a = alpha.to(wplus.options()).reshape({-1, 1, 1});
  return wplus + (a * d.scale) * d.normal.to(wplus.options()).unsqueeze(0);
}

torch::Tensor direction_score(const torch::Tensor& wplus, const LinearDirection& d) {
  torch::Tensor w = wplus.reshape({wplus.size(0), -1});
  return w.mv(d.normal.to(w.options()).reshape({-1})) + d.offset;
}

void save_directions(const std::string& path, const DirectionSet& set) {
  const auto& catalogue = celeba_attributes();
  const int64_t count = static_cast<int64_t>(catalogue.size());
  torch::Tensor dirs = torch::zeros({count, set.n_latent, set.dim});
  torch::Tensor offsets = torch::zeros({count}), scales = torch::ones({count});
  torch::Tensor acc = torch::full({count}, std::numeric_limits<float>::quiet_NaN());
  torch::Tensor fitted = torch::zeros({count}, torch::kBool);
  for (const auto& [k, d] : set.directions) {
    if (k < 0 || k >= count) throw Error("direction for attribute " + std::to_string(k) + " is outside the catalogue");
    dirs[k].copy_(d.normal.cpu());
    offsets[k] = d.offset;
    scales[k] = d.scale;
    acc[k] = d.validation_accuracy;
    fitted[k] = true;
  }
  io::Value::Items names;
  for (const auto& a : catalogue) names.push_back(io::Value::string(a.id));
  std::vector<uint8_t> layer_bytes(set.layers.begin(), set.layers.end());
  torch::Tensor layers = torch::tensor(std::vector<int64_t>(layer_bytes.begin(), layer_bytes.end())).to(torch::kBool);
  using V = io::Value;
  io::save_checkpoint(path, V::dict({{V::string("format"), V::string(kFormat)},
                                     {V::string("version"), V::integer(1)},
                                     {V::string("attributes"), V::list(std::move(names))},
                                     {V::string("directions"), V::tensor(dirs)},
                                     {V::string("offsets"), V::tensor(offsets)},
                                     {V::string("scales"), V::tensor(scales)},
                                     {V::string("accuracy"), V::tensor(acc)},
                                     {V::string("fitted"), V::tensor(fitted)},
                                     {V::string("layers"), V::tensor(layers)}}));
}

DirectionSet load_directions(const std::string& path, torch::Device device) {
  return directions_from_checkpoint(io::load_checkpoint(path), path, device);
}

DirectionSet directions_from_checkpoint(const io::Checkpoint& ckpt, const std::string& path, torch::Device device) {
  auto format = ckpt.find("format");
  if (!format || !format->is(io::ValueKind::String) || format->as_string() != kFormat)
    throw Error(path + ": not a linear directions file (made by 'facet-cli train directions')");
  auto tensor = [&](const char* key) -> torch::Tensor {
    auto v = ckpt.find(key);
    if (!v || !v->is(io::ValueKind::Tensor)) throw Error(path + ": no tensor '" + key + "'");
    return v->as_tensor();
  };
  torch::Tensor dirs = tensor("directions").to(torch::kFloat32), offsets = tensor("offsets").to(torch::kFloat64),
                scales = tensor("scales").to(torch::kFloat64), acc = tensor("accuracy").to(torch::kFloat64),
                fitted = tensor("fitted").to(torch::kBool), layers = tensor("layers").to(torch::kBool);
  const int64_t count = dirs.dim() == 3 ? dirs.size(0) : -1;
  if (count < 0 || offsets.numel() != count || scales.numel() != count || acc.numel() != count ||
      fitted.numel() != count || layers.numel() != dirs.size(1))
    throw Error(path + ": directions, offsets, scales, accuracy, fitted and layers do not agree in size");
  if (!torch::isfinite(dirs).all().item<bool>()) throw Error(path + ": directions hold NaN or infinite values");
  DirectionSet set;
  set.n_latent = dirs.size(1);
  set.dim = dirs.size(2);
  for (int64_t i = 0; i < layers.numel(); ++i) set.layers.push_back(layers[i].item<bool>());
  for (int64_t k = 0; k < count; ++k) {
    if (!fitted[k].item<bool>()) continue;
    LinearDirection d;
    d.normal = dirs[k].clone().to(device);
    d.offset = offsets[k].item<double>();
    d.scale = scales[k].item<double>();
    d.validation_accuracy = acc[k].item<double>();
    if (!(d.scale > 0)) throw Error(path + ": scale of attribute " + std::to_string(k) + " is not positive");
    set.directions[static_cast<int>(k)] = d;
  }
  return set;
}

}  // namespace facet::edit
