#include "core/tune/pivotal_tuning.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "core/nn/stylegan2/tuning_synthesis.h"
#include "core/tune/tuned_change.h"

namespace facet::tune {

namespace {

using io::Value;
using io::ValuePtr;

torch::Tensor for_features(const torch::Tensor& images, int64_t size) {
  if (size <= 0 || images.size(-1) <= size) return images;
  return torch::adaptive_avg_pool2d(images, {size, size});
}

bool tuned(const std::string& name, const std::vector<int64_t>& resolutions) {
  const int64_t r = parameter_resolution(name);
  if (r == 0) return false;
  return resolutions.empty() || std::find(resolutions.begin(), resolutions.end(), r) != resolutions.end();
}

// One target's loss terms at the current weights.
struct Terms {
  torch::Tensor loss;
  double l2 = 0, lpips = -1, locality = 0;
};

ValuePtr tensor_dict(const std::map<std::string, torch::Tensor>& tensors) {
  Value::Entries entries;
  for (const auto& [name, t] : tensors) entries.emplace_back(Value::string(name), Value::tensor(t.to(torch::kCPU).contiguous()));
  return Value::dict(std::move(entries));
}

std::map<std::string, torch::Tensor> read_tensor_dict(const ValuePtr& v) {
  std::map<std::string, torch::Tensor> out;
  if (v && v->is(io::ValueKind::Dict))
    for (const auto& [key, value] : v->entries()) out[io::key_text(*key)] = value->as_tensor().clone();
  return out;
}

}  // namespace

int64_t parameter_resolution(const std::string& name) {
  auto starts = [&](const char* prefix) { return name.rfind(prefix, 0) == 0; };
  if (starts("input.") || starts("conv1.") || starts("to_rgb1.")) return 4;
  auto index_after = [&](size_t at) { return std::stoll(name.substr(at, name.find('.', at) - at)); };
  if (starts("convs.")) return int64_t(8) << (index_after(6) / 2);
  if (starts("to_rgbs.")) return int64_t(8) << index_after(8);
  return 0;
}

void save_state(const std::string& path, const TuneState& s) {
  Value::Entries root = {
      {Value::string("format"), Value::string("facet.tune-state")},
      {Value::string("step"), Value::integer(s.step)},
      {Value::string("best_loss"), Value::floating(s.best_loss)},
      {Value::string("best_step"), Value::integer(s.best_step)},
      {Value::string("base_sha256"), Value::string(s.base_sha256)},
      {Value::string("weights"), tensor_dict(s.weights)},
      {Value::string("exp_avg"), tensor_dict(s.exp_avg)},
      {Value::string("exp_avg_sq"), tensor_dict(s.exp_avg_sq)},
      {Value::string("best"), tensor_dict(s.best)},
  };
  io::save_checkpoint(path, Value::dict(std::move(root)));
}

TuneState load_state(const std::string& path) {
  const io::Checkpoint ckpt = io::load_checkpoint(path);
  const ValuePtr root = ckpt.root();
  if (!root->is(io::ValueKind::Dict) || !root->get("format") || root->get("format")->as_string() != "facet.tune-state")
    throw Error(path + ": not a tuning state (written by facet-cli tune beside its output)");
  TuneState s;
  s.step = static_cast<int>(root->get("step")->as_int());
  s.best_loss = root->get("best_loss")->as_double();
  s.best_step = static_cast<int>(root->get("best_step")->as_int());
  s.base_sha256 = root->get("base_sha256")->as_string();
  s.weights = read_tensor_dict(root->get("weights"));
  s.exp_avg = read_tensor_dict(root->get("exp_avg"));
  s.exp_avg_sq = read_tensor_dict(root->get("exp_avg_sq"));
  s.best = read_tensor_dict(root->get("best"));
  return s;
}

PivotalTuner::PivotalTuner(std::shared_ptr<nn::StyleGan2> base, embed::PerceptualLoss perceptual)
    : base_(std::move(base)), perceptual_(std::move(perceptual)) {
  if (!base_) throw Error("pivotal tuning needs a generator");
}

TuneResult PivotalTuner::tune(const std::vector<TuneTarget>& targets, const TuneOptions& o, const TuneCallback& progress,
                              const std::atomic<bool>* cancel, const TuneState* resume) const {
  nn::StyleGan2& base = *base_;
  const int64_t size = base.size();
  if (targets.empty()) throw Error("pivotal tuning needs at least one photo");
  if (o.steps < 0 || o.lr <= 0) throw Error("pivotal tuning needs steps ≥ 0 and a learning rate > 0");
  for (const auto& t : targets) {
    if (t.image.dim() != 4 || t.image.size(0) != 1 || t.image.size(1) != 3 || t.image.size(2) != size ||
        t.image.size(3) != size)
      throw Error("pivotal tuning: each photo must be [1, 3, " + std::to_string(size) + ", " + std::to_string(size) +
                  "] (an aligned crop at the generator's size)");
    if (t.pivot.dim() != 3 || t.pivot.size(0) != 1 || t.pivot.size(1) != base.n_latent() ||
        t.pivot.size(2) != base.style_dim())
      throw Error("pivotal tuning: each pivot must be one W+ code [1, " + std::to_string(base.n_latent()) + ", " +
                  std::to_string(base.style_dim()) + "]");
  }
  for (int64_t r : o.resolutions)
    if (r < 4 || r > size || (r & (r - 1)))
      throw Error("pivotal tuning: no layers of resolution " + std::to_string(r) + " in a " + std::to_string(size) +
                  "² generator");

  TuneResult result;
  const std::string base_hash = weights_sha256(base);
  if (resume && !resume->base_sha256.empty() && resume->base_sha256 != base_hash)
    throw Error("the tuning state to resume belongs to another generator");
  auto g = base.cast(torch::kFloat32);  // the copy tuning changes
  const torch::Device device = g->device();
  std::vector<std::pair<std::string, torch::Tensor>> params;
  for (const auto& p : g->module().named_parameters()) {
    const bool on = tuned(p.key(), o.resolutions);
    p.value().requires_grad_(on);
    if (on) params.emplace_back(p.key(), p.value());
  }
  if (params.empty()) throw Error("pivotal tuning: no weights to tune at the chosen resolutions");

  std::map<std::string, torch::Tensor> exp_avg, exp_avg_sq, best;
  int step = 0;
  double best_loss = -1;
  int best_step = -1;
  {
    torch::NoGradGuard no_grad;
    if (resume) {
      for (auto& [name, p] : params) {
        auto w = resume->weights.find(name), m = resume->exp_avg.find(name), v = resume->exp_avg_sq.find(name);
        if (w == resume->weights.end() || m == resume->exp_avg.end() || v == resume->exp_avg_sq.end() ||
            w->second.sizes() != p.sizes())
          throw Error("the tuning state to resume does not match these options (no state for '" + name + "')");
        p.copy_(w->second);
        exp_avg[name] = m->second.to(device);
        exp_avg_sq[name] = v->second.to(device);
      }
      for (const auto& [name, t] : resume->best) best[name] = t.to(device);
      step = resume->step;
      best_loss = resume->best_loss;
      best_step = resume->best_step;
    } else {
      for (auto& [name, p] : params) {
        exp_avg[name] = torch::zeros_like(p, torch::MemoryFormat::Preserve);
        exp_avg_sq[name] = torch::zeros_like(p, torch::MemoryFormat::Preserve);
      }
    }
  }

  const bool lpips = perceptual_.kind() != embed::PerceptualKind::None;
  std::vector<torch::Tensor> images, pivots;
  std::vector<std::vector<torch::Tensor>> features;
  {
    torch::NoGradGuard no_grad;
    for (const auto& t : targets) {
      // Copies: a caller's tensors may come from InferenceMode, which autograd cannot save for the backward.
      images.push_back(t.image.to(device, torch::kFloat32).clone());
      pivots.push_back(t.pivot.to(device, torch::kFloat32).clone());
      if (lpips) features.push_back(perceptual_.target_features(for_features(images.back(), o.feature_size)));
    }
  }
  auto gen = at::detail::createCPUGenerator(o.seed + static_cast<uint64_t>(step));

  // The locality regulariser's code: locality_distance from the pivot towards a sampled w, and the base's image there.
  auto locality_sample = [&](const torch::Tensor& pivot) {
    torch::NoGradGuard no_grad;
    const torch::Tensor z = torch::randn({1, base.style_dim()}, gen, torch::kFloat32).to(device);
    const torch::Tensor w = base.to_wplus(base.mapping(z));
    const torch::Tensor direction = w - pivot;
    const torch::Tensor code = pivot + o.locality_distance * direction / direction.norm().clamp_min(1e-8);
    nn::SynthesisOptions fast;
    fast.noise = nn::NoiseMode::Const;
    torch::Tensor reference = base.synthesis(code, fast);
    return std::make_pair(code, reference.clone());
  };

  auto measure = [&](size_t i) {
    Terms t;
    const torch::Tensor image = nn::tuning_synthesis(*g, pivots[i]);
    const torch::Tensor l2 = torch::mse_loss(image, images[i]);
    t.loss = o.lambda_l2 * l2;
    t.l2 = l2.item<double>();
    if (lpips) {
      const torch::Tensor p = perceptual_.loss(for_features(image, o.feature_size), features[i]);
      t.loss = t.loss + o.lambda_lpips * p;
      t.lpips = p.item<double>();
    }
    if (o.locality) {
      auto [code, reference] = locality_sample(pivots[i]);
      const torch::Tensor away = nn::tuning_synthesis(*g, code);
      torch::Tensor reg = o.lambda_locality_l2 * torch::mse_loss(away, reference);
      if (lpips) {
        const auto ref_features = perceptual_.target_features(for_features(reference, o.feature_size));
        reg = reg + o.lambda_locality_lpips * perceptual_.loss(for_features(away, o.feature_size), ref_features);
      }
      t.locality = reg.item<double>();
      t.loss = t.loss + reg;
    }
    return t;
  };

  auto snapshot = [&](std::map<std::string, torch::Tensor>& into) {
    torch::NoGradGuard no_grad;
    for (auto& [name, p] : params) {
      auto it = into.find(name);
      if (it == into.end()) into[name] = p.detach().clone();
      else it->second.copy_(p);
    }
  };

  const auto start = std::chrono::steady_clock::now();
  int steps_this_run = 0;
  double last_l2 = 0, last_lpips = -1, last_loss = 0;
  bool measured_last = false;
  // Each pass measures the loss at the current weights (kept as the best when lowest), then takes Adam's step:
  // the loop runs one measurement past the last step so that the final weights are measured too.
  for (;; ++step) {
    if (cancel && cancel->load()) {
      result.cancelled = true;
      break;
    }
    for (auto& [name, p] : params) p.mutable_grad() = torch::Tensor();
    double loss = 0, l2 = 0, lp = 0, loc = 0, worst_lpips = 0;
    for (size_t i = 0; i < targets.size(); ++i) {
      Terms t = measure(i);
      t.loss.backward();
      loss += t.loss.item<double>();
      l2 += t.l2;
      lp += t.lpips;
      loc += t.locality;
      worst_lpips = std::max(worst_lpips, t.lpips);
    }
    const double n = static_cast<double>(targets.size());
    last_loss = loss / n, last_l2 = l2 / n, last_lpips = lpips ? lp / n : -1;
    measured_last = true;
    if (step == 0 && !resume) result.start_l2 = last_l2, result.start_lpips = last_lpips;
    if (best_loss < 0 || last_loss < best_loss) {
      best_loss = last_loss;
      best_step = step;
      if (o.keep_best) snapshot(best);
    }
    if (progress) {
      TuneProgress pr;
      pr.step = step + 1;
      pr.steps = o.steps;
      pr.loss = last_loss;
      pr.l2 = last_l2;
      pr.lpips = last_lpips;
      pr.locality = loc / n;
      pr.best_loss = best_loss;
      progress(pr);
    }
    if (lpips && o.lpips_stop > 0 && worst_lpips <= o.lpips_stop) {
      result.converged = true;
      break;
    }
    if (step >= o.steps) break;
    // Adam, in place.
    torch::NoGradGuard no_grad;
    const double t = step + 1;
    const double correction1 = 1 - std::pow(o.beta1, t), correction2 = 1 - std::pow(o.beta2, t);
    for (auto& [name, p] : params) {
      const torch::Tensor grad = p.grad();
      if (!grad.defined()) continue;
      torch::Tensor& m = exp_avg[name];
      torch::Tensor& v = exp_avg_sq[name];
      m.mul_(o.beta1).add_(grad, 1 - o.beta1);
      v.mul_(o.beta2).addcmul_(grad, grad, 1 - o.beta2);
      const torch::Tensor denom = (v.sqrt() / std::sqrt(correction2)).add_(o.eps);
      p.addcdiv_(m, denom, -o.lr / correction1);
    }
    ++steps_this_run;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.ms_per_step = steps_this_run > 0 ? 1000.0 * seconds / (steps_this_run + 1) : 0;
  result.steps_done = step;

  // The state to resume from: the weights where the loop stopped (before any best is restored).
  result.state.step = step;
  result.state.base_sha256 = base_hash;
  result.state.best_loss = best_loss;
  result.state.best_step = best_step;
  snapshot(result.state.weights);
  result.state.exp_avg = exp_avg;
  result.state.exp_avg_sq = exp_avg_sq;
  result.state.best = best;

  {
    torch::NoGradGuard no_grad;
    if (o.keep_best && !best.empty() && best_step != step)
      for (auto& [name, p] : params) p.copy_(best.at(name));
    for (auto& [name, p] : params) {
      p.mutable_grad() = torch::Tensor();
      p.requires_grad_(false);
    }
  }
  g = g->cast(torch::kFloat32);  // a copy whose fast path is prepared from the tuned weights
  result.best_step = best_step;
  if (o.keep_best && best_step >= 0) {
    result.loss = best_loss;
    // The best step's own terms: measured again only when the loop's last measurement was of other weights.
    if (best_step != step || !measured_last) {
      double l2 = 0, lp = 0;
      torch::NoGradGuard no_grad;
      for (size_t i = 0; i < targets.size(); ++i) {
        nn::SynthesisOptions fast;
        fast.noise = nn::NoiseMode::Const;
        const torch::Tensor image = g->synthesis(pivots[i], fast);
        l2 += torch::mse_loss(image, images[i]).item<double>();
        if (lpips) lp += perceptual_.loss(for_features(image, o.feature_size), features[i]).item<double>();
      }
      last_l2 = l2 / targets.size();
      last_lpips = lpips ? lp / targets.size() : -1;
    }
  } else {
    result.loss = last_loss;
  }
  result.l2 = last_l2;
  result.lpips = last_lpips;
  result.generator = g;
  return result;
}

}  // namespace facet::tune
