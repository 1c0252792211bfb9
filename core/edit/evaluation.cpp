#include "core/edit/evaluation.h"

#include <algorithm>

#include "core/edit/edit_stack.h"
#include "core/io/error.h"

namespace facet::edit {

EvaluationCurve evaluate_edit(nn::LatentClassifier& classifier, const torch::Tensor& latents, int k,
                              const EditFn& edit, const EvaluationOptions& o) {
  if (latents.dim() != 3 || latents.size(0) == 0) throw Error("latents must be [N, n_latent, dim] with N > 0");
  if (o.n_steps < 2) throw Error("evaluation needs at least two α steps");
  if (!torch::isfinite(latents).all().item<bool>()) throw Error("latents hold NaN or infinite values");
  const int64_t n = latents.size(0), n_latent = latents.size(1);
  const std::vector<bool> mask = o.edited_layers.empty() ? default_layers(n_latent) : o.edited_layers;
  if (static_cast<int64_t>(mask.size()) != n_latent) throw Error("layer mask does not match the W+ layers");
  torch::NoGradGuard no_grad;
  classifier->eval();
  const torch::Tensor w_all = latents.to(torch::kFloat32);
  std::vector<float> m(mask.begin(), mask.end());
  const torch::Tensor keep = torch::tensor(m).view({1, n_latent, 1});

  std::vector<double> changed(o.n_steps, 0), kept(o.n_steps, 0), similarity(o.n_steps, 0);
  const int64_t identity_n = o.identity ? std::min(n, std::max<int64_t>(o.identity_samples, 0)) : 0;
  int64_t attributes = 0;
  for (int64_t start = 0; start < n; start += o.batch) {
    torch::Tensor w0 = w_all.slice(0, start, std::min(n, start + o.batch));
    torch::Tensor pred0 = classifier->forward(w0).gt(0);  // sigmoid(x) > 0.5 ⇔ x > 0
    attributes = pred0.size(1);
    if (k < 0 || k >= attributes) throw Error("attribute " + std::to_string(k) + " is outside the classifier's outputs");
    torch::Tensor others = torch::ones({attributes}, torch::kBool);
    others[k] = false;
    // Against the current prediction: present → remove (α < 0), absent → add (α > 0).
    torch::Tensor sign = torch::where(pred0.select(1, k), torch::full({w0.size(0)}, -1.0f), torch::full({w0.size(0)}, 1.0f));
    // The codes of this batch whose faces are rendered for identity, and their unedited features.
    const int64_t ids = std::clamp<int64_t>(identity_n - start, 0, w0.size(0));
    torch::Tensor features0 = ids > 0 ? o.identity(w0.slice(0, 0, ids)) : torch::Tensor();
    for (int64_t i = 0; i < o.n_steps; ++i) {
      const double magnitude = o.scale * static_cast<double>(i) / static_cast<double>(o.n_steps - 1);
      torch::Tensor w1 = edit(w0, sign * magnitude).view_as(w0);
      w1 = keep * w1 + (1 - keep) * w0;
      torch::Tensor pred1 = classifier->forward(w1).gt(0);
      changed[i] += pred1.select(1, k).ne(pred0.select(1, k)).sum().item<double>();
      kept[i] += pred1.eq(pred0).index({torch::indexing::Slice(), others}).sum().item<double>();
      if (ids > 0) similarity[i] += (o.identity(w1.slice(0, 0, ids)) * features0).sum().item<double>();
    }
  }
  EvaluationCurve curve;
  curve.samples = n;
  curve.identity_samples = identity_n;
  for (int64_t i = 0; i < o.n_steps; ++i) {
    curve.alpha.push_back(o.scale * static_cast<double>(i) / static_cast<double>(o.n_steps - 1));
    curve.target_change_rate.push_back(changed[i] / static_cast<double>(n));
    curve.preservation_rate.push_back(attributes > 1 ? kept[i] / static_cast<double>(n * (attributes - 1)) : 1.0);
    if (identity_n > 0) curve.identity.push_back(similarity[i] / static_cast<double>(identity_n));
  }
  return curve;
}

}  // namespace facet::edit
