#include "core/edit/evaluation.h"

#include <algorithm>

#include "core/edit/edit_stack.h"
#include "core/io/error.h"

namespace facet::edit {
namespace {

void check_options(const EvaluationOptions& o) {
  if (o.n_steps < 2) throw Error("evaluation needs at least two α steps");
  if (o.batch < 1) throw Error("evaluation batch must hold at least one code");
}

}  // namespace

EvaluationCounts count_edit(nn::LatentClassifier& classifier, const torch::Tensor& latents, int k,
                            const EditFn& edit, const EvaluationOptions& o) {
  if (latents.dim() != 3 || latents.size(0) == 0) throw Error("latents must be [N, n_latent, dim] with N > 0");
  check_options(o);
  if (!torch::isfinite(latents).all().item<bool>()) throw Error("latents hold NaN or infinite values");
  const int64_t n = latents.size(0), n_latent = latents.size(1);
  const std::vector<bool> mask = o.edited_layers.empty() ? default_layers(n_latent) : o.edited_layers;
  if (static_cast<int64_t>(mask.size()) != n_latent) throw Error("layer mask does not match the W+ layers");
  torch::NoGradGuard no_grad;
  classifier->eval();
  const torch::Tensor w_all = latents.to(torch::kFloat32);
  std::vector<float> m(mask.begin(), mask.end());
  const torch::Tensor keep = torch::tensor(m).view({1, n_latent, 1});

  EvaluationCounts counts;
  counts.samples = n;
  counts.changed.assign(o.n_steps, 0);
  counts.kept.assign(o.n_steps, 0);
  const int64_t identity_n =
      o.identity ? std::clamp<int64_t>(std::max<int64_t>(o.identity_samples, 0) - o.offset, 0, n) : 0;
  counts.identity_samples = identity_n;
  for (int64_t start = 0; start < n; start += o.batch) {
    torch::Tensor w0 = w_all.slice(0, start, std::min(n, start + o.batch));
    torch::Tensor pred0 = classifier->forward(w0).gt(0);  // sigmoid(x) > 0.5 ⇔ x > 0
    counts.attributes = pred0.size(1);
    if (k < 0 || k >= counts.attributes)
      throw Error("attribute " + std::to_string(k) + " is outside the classifier's outputs");
    torch::Tensor others = torch::ones({counts.attributes}, torch::kBool);
    others[k] = false;
    // Against the current prediction: present → remove (α < 0), absent → add (α > 0).
    torch::Tensor sign = torch::where(pred0.select(1, k), torch::full({w0.size(0)}, -1.0f), torch::full({w0.size(0)}, 1.0f));
    // The codes of this batch whose faces are rendered for identity, and their unedited features.
    const int64_t ids = std::clamp<int64_t>(identity_n - start, 0, w0.size(0));
    torch::Tensor features0 = ids > 0 ? o.identity(w0.slice(0, 0, ids)) : torch::Tensor();
    if (ids > 0) counts.identity.emplace_back(o.n_steps, 0.0);
    for (int64_t i = 0; i < o.n_steps; ++i) {
      const double magnitude = o.scale * static_cast<double>(i) / static_cast<double>(o.n_steps - 1);
      torch::Tensor w1 = edit(w0, sign * magnitude).view_as(w0);
      w1 = keep * w1 + (1 - keep) * w0;
      torch::Tensor pred1 = classifier->forward(w1).gt(0);
      counts.changed[i] += pred1.select(1, k).ne(pred0.select(1, k)).sum().item<int64_t>();
      counts.kept[i] += pred1.eq(pred0).index({torch::indexing::Slice(), others}).sum().item<int64_t>();
      if (ids > 0) counts.identity.back()[i] = (o.identity(w1.slice(0, 0, ids)) * features0).sum().item<double>();
    }
  }
  return counts;
}

EvaluationCounts join_counts(const std::vector<EvaluationCounts>& parts) {
  EvaluationCounts all;
  for (const auto& p : parts) {
    if (p.samples == 0) continue;
    if (all.samples == 0) {
      all.changed.assign(p.changed.size(), 0);
      all.kept.assign(p.kept.size(), 0);
    }
    if (p.changed.size() != all.changed.size() || p.kept.size() != all.changed.size())
      throw Error("evaluation parts have different numbers of α steps");
    if (all.attributes != 0 && p.attributes != all.attributes)
      throw Error("evaluation parts were measured with classifiers of different sizes");
    all.attributes = p.attributes;
    all.samples += p.samples;
    all.identity_samples += p.identity_samples;
    for (size_t i = 0; i < p.changed.size(); ++i) {
      all.changed[i] += p.changed[i];
      all.kept[i] += p.kept[i];
    }
    all.identity.insert(all.identity.end(), p.identity.begin(), p.identity.end());
  }
  return all;
}

EvaluationCurve curve_from_counts(const EvaluationCounts& c, const EvaluationOptions& o) {
  check_options(o);
  if (c.samples <= 0) throw Error("no codes were evaluated");
  if (static_cast<int64_t>(c.changed.size()) != o.n_steps || static_cast<int64_t>(c.kept.size()) != o.n_steps)
    throw Error("evaluation counts do not have " + std::to_string(o.n_steps) + " α steps");
  EvaluationCurve curve;
  curve.samples = c.samples;
  curve.identity_samples = c.identity_samples;
  const auto n = static_cast<double>(c.samples);
  for (int64_t i = 0; i < o.n_steps; ++i) {
    curve.alpha.push_back(o.scale * static_cast<double>(i) / static_cast<double>(o.n_steps - 1));
    curve.target_change_rate.push_back(static_cast<double>(c.changed[i]) / n);
    curve.preservation_rate.push_back(
        c.attributes > 1 ? static_cast<double>(c.kept[i]) / (n * static_cast<double>(c.attributes - 1)) : 1.0);
    if (c.identity_samples > 0) {
      double similarity = 0;  // added batch by batch, as one process adds them
      for (const auto& batch : c.identity) similarity += batch.at(i);
      curve.identity.push_back(similarity / static_cast<double>(c.identity_samples));
    }
  }
  return curve;
}

EvaluationCurve evaluate_edit(nn::LatentClassifier& classifier, const torch::Tensor& latents, int k,
                              const EditFn& edit, const EvaluationOptions& o) {
  return curve_from_counts(count_edit(classifier, latents, k, edit, o), o);
}

}  // namespace facet::edit
