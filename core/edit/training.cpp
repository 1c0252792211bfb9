#include "core/edit/training.h"

#include <cmath>

#include "core/io/error.h"

namespace facet::edit {
namespace F = torch::nn::functional;

namespace {
void check_data(const torch::Tensor& latents, const torch::Tensor& labels) {
  if (latents.dim() != 3) throw Error("latents must be [N, n_latent, dim]");
  if (labels.dim() != 2 || labels.size(0) != latents.size(0))
    throw Error("labels must be [N, attributes] with the same N as the latents (" + std::to_string(latents.size(0)) + ")");
  if (latents.size(0) < 2) throw Error("need at least two training samples");
  if (!torch::isfinite(latents).all().item<bool>()) throw Error("latents hold NaN or infinite values");
}
}  // namespace

torch::Tensor flip_coefficient(const torch::Tensor& p) {
  // sign(relu(p − 0.5))·(−p) + sign(relu(0.5 − p))·(1 − p), as the authors write it.
  return torch::sign(torch::relu(p - 0.5)) * (-p) + torch::sign(torch::relu(0.5 - p)) * (1 - p);
}

torch::Tensor correlation_mask(const torch::Tensor& labels, int64_t attribute, double threshold) {
  torch::Tensor x = labels.to(torch::kFloat64);
  x = x - x.mean(0, true);
  torch::Tensor cov = x.t().mm(x);
  torch::Tensor sd = cov.diagonal().sqrt();
  torch::Tensor corr = cov / sd.unsqueeze(1) / sd.unsqueeze(0);
  corr = torch::where(torch::isnan(corr), torch::zeros_like(corr), corr);
  torch::Tensor v = corr[attribute].abs();
  v = torch::where(v >= threshold, torch::ones_like(v), v);
  v[attribute] = 1;  // the attribute itself never counts in L_attr (numpy gives corr = 1 there)
  return (1 - v).to(torch::kFloat32);
}

namespace {
// Position after finishing step s of `epoch` (0-based) in an epoch of `per_epoch` steps.
TrainPosition next_position(int64_t epoch, int64_t s, int64_t per_epoch, int64_t step) {
  return s + 1 >= per_epoch ? TrainPosition{epoch + 1, 0, step} : TrainPosition{epoch, s + 1, step};
}
}  // namespace

ClassifierReport train_classifier(nn::LatentClassifier& classifier, const torch::Tensor& latents,
                                  const torch::Tensor& labels, const ClassifierTrainOptions& o) {
  check_data(latents, labels);
  torch::manual_seed(o.seed);
  const int64_t n = latents.size(0);
  const int64_t n_val = std::max<int64_t>(1, static_cast<int64_t>(n * o.validation_fraction));
  torch::Tensor order = epoch_permutation(n, o.seed, -1);  // the split: fixed by the seed
  torch::Tensor val_idx = order.slice(0, 0, n_val), train_idx = order.slice(0, n_val);
  torch::Tensor x = latents.reshape({n, -1}).to(torch::kFloat32), y = labels.to(torch::kFloat32);
  torch::optim::Adam opt(classifier->parameters(), torch::optim::AdamOptions(o.lr));
  const std::string kind = "classifier";
  const CheckpointOptions& ck = o.checkpoint;
  TrainPosition pos;
  if (ck.resume) {
    if (ck.weights_path.empty()) throw Error("resume needs the weights path of the run");
    pos = load_resume_state(resume_path(ck.weights_path), kind, o.seed, o.batch, *classifier, opt);
  }
  auto save = [&](const TrainPosition& p) {
    if (ck.weights_path.empty()) return;
    nn::save_latent_classifier(ck.weights_path, classifier);
    save_resume_state(resume_path(ck.weights_path), kind, o.seed, o.batch, p, *classifier, opt);
  };
  classifier->train();
  ClassifierReport report;
  report.train_count = train_idx.size(0);
  report.validation_count = n_val;
  report.resumed_from = pos.step;
  const int64_t steps_per_epoch = (train_idx.size(0) + o.batch - 1) / o.batch;
  TrainProgress progress;
  progress.total_steps = steps_per_epoch * o.epochs;
  progress.step = pos.step;
  for (int64_t epoch = pos.epoch; epoch < o.epochs && !report.cancelled; ++epoch) {
    torch::Tensor perm = train_idx.index_select(0, epoch_permutation(train_idx.size(0), o.seed, epoch));
    for (int64_t s = epoch == pos.epoch ? pos.step_in_epoch : 0; s < steps_per_epoch; ++s) {
      if (o.cancel && o.cancel->load()) {
        report.cancelled = true;
        save({epoch, s, progress.step});  // resumable from exactly here
        break;
      }
      torch::Tensor idx = perm.slice(0, s * o.batch, (s + 1) * o.batch);
      torch::Tensor loss = F::binary_cross_entropy_with_logits(classifier->forward(x.index_select(0, idx)),
                                                                y.index_select(0, idx));
      opt.zero_grad();
      loss.backward();
      opt.step();
      progress.step++;
      progress.epoch = epoch;
      progress.loss = progress.loss_cls = loss.item<double>();
      if (o.progress) o.progress(progress);
      if (ck.every > 0 && progress.step % ck.every == 0) save(next_position(epoch, s, steps_per_epoch, progress.step));
    }
  }
  report.steps = progress.step;
  if (!report.cancelled) save({o.epochs, 0, progress.step});
  classifier->eval();
  torch::NoGradGuard no_grad;
  torch::Tensor pred = classifier->forward(x.index_select(0, val_idx)).gt(0).to(torch::kFloat32);
  torch::Tensor acc = pred.eq(y.index_select(0, val_idx)).to(torch::kFloat64).mean(0);
  for (int64_t k = 0; k < acc.size(0); ++k) report.validation_accuracy.push_back(acc[k].item<double>());
  report.mean_accuracy = acc.mean().item<double>();
  return report;
}

TransformerReport train_transformer(nn::LatentTransformer& transformer, nn::LatentClassifier& classifier,
                                    const torch::Tensor& latents, const torch::Tensor& labels, int64_t k,
                                    const TransformerTrainOptions& o) {
  check_data(latents, labels);
  if (k < 0 || k >= labels.size(1)) throw Error("attribute index " + std::to_string(k) + " is outside the labels");
  if (o.step_size < 1) throw Error("the learning-rate step size must be at least one epoch");
  torch::manual_seed(o.seed);
  classifier->eval();
  for (auto& p : classifier->parameters()) p.set_requires_grad(false);  // C is fixed while T_k trains
  const int64_t n = latents.size(0);
  torch::Tensor w_all = latents.to(torch::kFloat32);
  torch::Tensor mask = correlation_mask(labels, k, o.corr_threshold).unsqueeze(0);
  torch::optim::Adam opt(transformer->parameters(), torch::optim::AdamOptions(o.lr)
                                                        .betas(std::make_tuple(o.beta1, o.beta2))
                                                        .weight_decay(o.weight_decay));
  const std::string kind = "transformer " + std::to_string(k);
  const CheckpointOptions& ck = o.checkpoint;
  TrainPosition pos;
  if (ck.resume) {
    if (ck.weights_path.empty()) throw Error("resume needs the weights path of the run");
    pos = load_resume_state(resume_path(ck.weights_path), kind, o.seed, o.batch, *transformer, opt);
  }
  auto save = [&](const TrainPosition& p) {
    if (ck.weights_path.empty()) return;
    nn::save_latent_transformer(ck.weights_path, transformer);
    save_resume_state(resume_path(ck.weights_path), kind, o.seed, o.batch, p, *transformer, opt);
  };
  transformer->train();
  TransformerReport report;
  report.steps = report.resumed_from = pos.step;
  const int64_t steps_per_epoch = n / o.batch > 0 ? n / o.batch : 1;
  report.last.total_steps = o.max_steps ? std::min(o.max_steps, steps_per_epoch * o.epochs) : steps_per_epoch * o.epochs;
  report.last.step = pos.step;
  bool stop = false;
  TrainPosition end{o.epochs, 0, 0};
  for (int64_t epoch = pos.epoch; epoch < o.epochs && !stop; ++epoch) {
    // StepLR stepped once per epoch, as the authors' trainer.
    static_cast<torch::optim::AdamOptions&>(opt.param_groups()[0].options())
        .lr(o.lr * std::pow(o.gamma, static_cast<double>(epoch / o.step_size)));
    torch::Tensor perm = epoch_permutation(n, o.seed, epoch);
    for (int64_t s = epoch == pos.epoch ? pos.step_in_epoch : 0; s < steps_per_epoch; ++s) {
      if (o.cancel && o.cancel->load()) {
        report.cancelled = true;
        save({epoch, s, report.steps});
        stop = true;
        break;
      }
      if (o.max_steps && report.steps >= o.max_steps) {
        end = {epoch, s, 0};  // a later resume with a larger --max-steps goes on from here
        stop = true;
        break;
      }
      torch::Tensor w0 = w_all.index_select(0, perm.slice(0, s * o.batch, std::min(n, (s + 1) * o.batch)));
      const int64_t b = w0.size(0);
      torch::Tensor logits0 = classifier->forward(w0);
      torch::Tensor p0 = torch::sigmoid(logits0).select(1, k);
      torch::Tensor coeff = flip_coefficient(p0);
      torch::Tensor target = torch::clamp(p0 + coeff, 0, 1).round();
      torch::Tensor w1 = transformer->forward(w0, coeff).view_as(w0);
      torch::Tensor logits1 = classifier->forward(w1);
      // Balanced BCE: positives weighted N/Σt, negatives N/(N − Σt).
      torch::Tensor pos_w = static_cast<double>(b) / (target.sum() + 1e-8);
      torch::Tensor neg_w = static_cast<double>(b) / (b - target.sum() + 1e-8);
      torch::Tensor balance = pos_w * target + neg_w * (1 - target);
      torch::Tensor l_cls = (F::binary_cross_entropy_with_logits(
                                 logits1.select(1, k), target,
                                 F::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kNone)) *
                             balance)
                                .mean();
      torch::Tensor l_rec = F::mse_loss(w1, w0);
      torch::Tensor m = mask.expand({b, -1}).to(logits0.options());
      torch::Tensor l_attr = F::mse_loss(logits1 * m, logits0 * m);
      torch::Tensor loss = o.w_cls * l_cls + o.w_rec * l_rec + o.w_attr * l_attr;
      opt.zero_grad();
      loss.backward();
      opt.step();
      report.steps++;
      report.last = {report.steps, report.last.total_steps, epoch, loss.item<double>(), l_cls.item<double>(),
                     l_attr.item<double>(), l_rec.item<double>()};
      if (o.progress) o.progress(report.last);
      if (ck.every > 0 && report.steps % ck.every == 0) save(next_position(epoch, s, steps_per_epoch, report.steps));
    }
  }
  end.step = report.steps;
  if (!report.cancelled) save(end);
  transformer->eval();
  return report;
}

}  // namespace facet::edit
