// facet-cli train classifier | transformer | directions: the Latent Transformer's training and the linear
// baseline's fit, in C++. Training runs save periodic checkpoints and a resumable one on Ctrl-C (--resume).
// transformer --attrs trains one transformer per attribute into a folder; --shard I/N splits the attributes
// between processes and `merge` gathers them (train_output.h).
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "app/cli/train_output.h"
#include "core/batch/parts.h"
#include "core/edit/attributes.h"
#include "core/edit/edit_stack.h"
#include "core/edit/linear_directions.h"
#include "core/edit/training.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/models/model_registry.h"

namespace facet::cli {
namespace {

// One status line on stderr: a bar, step/total, the loss terms, time per step and the time left.
class ProgressBar {
 public:
  explicit ProgressBar(bool transformer) : transformer_(transformer) {}
  void operator()(const edit::TrainProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    if (!started_) {
      started_ = true;
      start_ = last_print_ = now;
      first_step_ = p.step - 1;
    }
    const bool last = p.step == p.total_steps;
    if (!last && now - last_print_ < std::chrono::milliseconds(200)) return;
    last_print_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const int64_t done = p.step - first_step_;
    step_ms_ = done > 0 ? 1000.0 * seconds / static_cast<double>(done) : 0.0;
    const double left = step_ms_ * static_cast<double>(p.total_steps - p.step) / 1000.0;
    const int width = 24;
    const int filled = p.total_steps > 0 ? static_cast<int>(width * p.step / p.total_steps) : 0;
    std::ostringstream line;
    line << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] " << p.step << "/"
         << p.total_steps << " ep " << p.epoch << "  loss " << std::fixed << std::setprecision(4) << p.loss;
    if (transformer_) line << " (cls " << p.loss_cls << " attr " << p.loss_attr << " rec " << p.loss_rec << ")";
    line << "  " << std::setprecision(1) << step_ms_ << " ms/step, " << std::setprecision(0) << left << " s left ";
    std::cerr << line.str() << std::flush;
  }
  double step_ms() const { return step_ms_; }

 private:
  bool transformer_, started_ = false;
  std::chrono::steady_clock::time_point start_, last_print_;
  int64_t first_step_ = 0;
  double step_ms_ = 0;
};

struct TrainArgs {
  std::string latents, labels, out, classifier, attr, layers, shard;
  std::vector<std::string> attrs;
  int64_t epochs = 0, batch = 32, max_steps = 0, checkpoint_every = 500, max_iterations = 200;
  double lr = 1e-3, l2 = 1e-3;
  uint64_t seed = 0;
  bool json = false, resume = false;
};

std::pair<torch::Tensor, torch::Tensor> read_data(const TrainArgs& a) {
  torch::Tensor w = io::read_npy(a.latents).to(torch::kFloat32);
  torch::Tensor l = io::read_npy(a.labels).to(torch::kFloat32);
  if (w.dim() == 2) w = w.unsqueeze(1);
  return {w, l};
}

void add_checkpoint_options(CLI::App* cmd, TrainArgs& a) {
  cmd->add_option("--checkpoint-every", a.checkpoint_every,
                  "save the weights and a resume file every N steps (0: only on Ctrl-C and at the end)")
      ->capture_default_str();
  cmd->add_flag("--resume", a.resume,
                "continue the run saved in --out and <out>.resume (same data, --seed and --batch)");
}

edit::CheckpointOptions checkpoint_options(const TrainArgs& a) {
  return {a.out, a.checkpoint_every, a.resume};
}

std::vector<int> attribute_list(const std::vector<std::string>& names) {
  std::vector<int> out;
  for (const auto& group : names) {
    std::stringstream in(group);
    std::string name;
    while (std::getline(in, name, ','))
      if (!name.empty()) out.push_back(edit::require_attribute(name).index);
  }
  return out;
}

// --attrs for transformers: names, indices or "all", in the order given (the order shards split).
std::vector<int> transformer_attributes(const std::vector<std::string>& names) {
  if (names.size() == 1 && names[0] == "all") {
    std::vector<int> all;
    for (const auto& a : edit::celeba_attributes()) all.push_back(a.index);
    return all;
  }
  const std::vector<int> list = attribute_list(names);
  for (size_t i = 0; i < list.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (list[i] == list[j]) throw Error("--attrs names " + edit::celeba_attributes()[static_cast<size_t>(list[i])].id + " twice");
  if (list.empty()) throw Error("--attrs names no attribute");
  return list;
}

std::string attribute_id(size_t k) {
  const auto& attrs = edit::celeba_attributes();
  return k < attrs.size() ? attrs[k].id : std::to_string(k);
}

struct TransformerRun {
  nlohmann::json report;
  bool cancelled = false;
};

// One transformer into a.out (and its resume file). Its weights depend only on the data, the attribute and the
// settings: the initial weights come from --seed too, whatever was trained before in the process.
TransformerRun train_one_transformer(const TrainArgs& a, const torch::Tensor& w, const torch::Tensor& l,
                                     nn::LatentClassifier& classifier, int k) {
  torch::manual_seed(a.seed);
  nn::LatentTransformer transformer(w.size(1), w.size(2));
  edit::TransformerTrainOptions o;
  o.epochs = a.epochs;
  o.batch = a.batch;
  o.max_steps = a.max_steps;
  o.lr = a.lr;
  o.seed = a.seed;
  o.cancel = interrupt_flag();
  o.checkpoint = checkpoint_options(a);
  auto bar = std::make_shared<ProgressBar>(true);
  o.progress = [bar](const edit::TrainProgress& p) { (*bar)(p); };
  // The first Ctrl-C sets the flag: the loop stops before its next step and saves a resumable checkpoint; a
  // second one ends the program at once.
  const InterruptScope interrupt(InterruptScope::Signals::Interrupt, InterruptScope::Second::StopsAtOnce);
  auto report = edit::train_transformer(transformer, classifier, w, l, k, o);  // saves a.out itself
  std::cerr << "\n";
  if (report.cancelled)
    std::cerr << "interrupted at step " << report.steps << "; saved " << a.out << " and " << edit::resume_path(a.out)
              << " (continue with the same command and --resume)\n";
  return {{{"attribute", edit::celeba_attributes()[static_cast<size_t>(k)].id}, {"steps", report.steps},
           {"resumed_from", report.resumed_from}, {"loss", report.last.loss}, {"loss_cls", report.last.loss_cls},
           {"loss_attr", report.last.loss_attr}, {"loss_rec", report.last.loss_rec}, {"ms_per_step", bar->step_ms()},
           {"cancelled", report.cancelled}, {"resume_file", edit::resume_path(a.out)}},
          report.cancelled};
}

void register_train(CLI::App& root, Commands& commands) {
  auto& train = group(root, "train", "Train the latent classifier, a latent transformer or the linear directions");

  auto* cc = train.add_subcommand("classifier", "Train the latent classifier C on (W+, label) pairs");
  auto c = std::make_shared<TrainArgs>();
  c->epochs = 20;
  cc->add_option("--latents", c->latents, "W+ codes [N, n_latent, dim] (.npy)")->required();
  cc->add_option("--labels", c->labels, "labels [N, 40] in {0, 1} (.npy), CelebA order")->required();
  cc->add_option("--out", c->out, "classifier file (.pth, the authors' layout)")->required();
  cc->add_option("--epochs", c->epochs, "epochs")->capture_default_str();
  cc->add_option("--batch", c->batch, "batch size")->capture_default_str();
  cc->add_option("--lr", c->lr, "Adam learning rate")->capture_default_str();
  cc->add_option("--seed", c->seed, "seed (split and order)");
  add_checkpoint_options(cc, *c);
  cc->add_flag("--json", c->json, "report as JSON");
  commands.bind(cc, [c] {
    auto [w, l] = read_data(*c);
    const int64_t in = w.size(1) * w.size(2);
    // The authors' widths for 18×512 codes ([9216, 2048, 512, 40]); smaller codes get proportionally smaller layers.
    std::vector<int64_t> fmaps = in >= 9216 ? std::vector<int64_t>{in, 2048, 512, l.size(1)}
                                            : std::vector<int64_t>{in, std::max<int64_t>(64, in / 4), 64, l.size(1)};
    nn::LatentClassifier classifier(fmaps);
    edit::ClassifierTrainOptions o;
    o.epochs = c->epochs;
    o.batch = c->batch;
    o.lr = c->lr;
    o.seed = c->seed;
    o.cancel = interrupt_flag();
    o.checkpoint = checkpoint_options(*c);
    auto bar = std::make_shared<ProgressBar>(false);
    o.progress = [bar](const edit::TrainProgress& p) { (*bar)(p); };
    // The first Ctrl-C sets the flag: the loop stops before its next step and saves a resumable checkpoint; a
    // second one ends the program at once.
    const InterruptScope interrupt(InterruptScope::Signals::Interrupt, InterruptScope::Second::StopsAtOnce);
    auto report = edit::train_classifier(classifier, w, l, o);  // saves --out (and the resume file) itself
    std::cerr << "\n";
    if (c->json) {
      nlohmann::json out{{"mean_accuracy", report.mean_accuracy}, {"train", report.train_count},
                         {"validation", report.validation_count}, {"cancelled", report.cancelled},
                         {"steps", report.steps}, {"resumed_from", report.resumed_from},
                         {"ms_per_step", bar->step_ms()}, {"resume_file", edit::resume_path(c->out)}};
      for (size_t k = 0; k < report.validation_accuracy.size(); ++k)
        out["accuracy"][attribute_id(k)] = report.validation_accuracy[k];
      print_json(out);
    } else {
      for (size_t k = 0; k < report.validation_accuracy.size(); ++k)
        std::cout << std::left << std::setw(20) << attribute_id(k) << std::fixed << std::setprecision(3)
                  << report.validation_accuracy[k] << "\n";
      std::cout << "mean validation accuracy " << report.mean_accuracy << " (" << report.validation_count
                << " held out)\n";
    }
    if (report.cancelled)
      std::cerr << "interrupted at step " << report.steps << "; saved " << c->out << " and "
                << edit::resume_path(c->out) << " (continue with the same command and --resume)\n";
    return kOk;
  });

  auto* ct = train.add_subcommand("transformer", "Train the latent transformer T_k for one attribute");
  auto t = std::make_shared<TrainArgs>();
  t->epochs = 10;
  auto* one_attr = ct->add_option("--attr", t->attr, "attribute name or index (--out is the transformer file)");
  ct->add_option("--attrs", t->attrs, "several attributes, one transformer each: names or indices, comma-separated, "
                                      "or all (--out is a folder that gets tnet_<k>.pth.tar for each)")
      ->excludes(one_attr);
  ct->add_option("--latents", t->latents, "W+ codes [N, n_latent, dim] (.npy)")->required();
  ct->add_option("--labels", t->labels, "labels [N, 40] (.npy), for the correlation mask")->required();
  ct->add_option("--classifier", t->classifier, "the latent classifier (.pth)")->required();
  ct->add_option("--out", t->out, "transformer file (tnet_<k>.pth.tar layout); with --attrs, a folder")->required();
  ct->add_option("--shard", t->shard, "with --attrs: train only shard I of N (I/N, from 0) of the attributes into "
                                      "--out; `facet-cli merge OUT` gathers them");
  ct->add_option("--epochs", t->epochs, "epochs")->capture_default_str();
  ct->add_option("--batch", t->batch, "batch size")->capture_default_str();
  ct->add_option("--max-steps", t->max_steps, "stop after this many steps (0: all epochs)");
  ct->add_option("--lr", t->lr, "Adam learning rate")->capture_default_str();
  ct->add_option("--seed", t->seed, "seed");
  add_checkpoint_options(ct, *t);
  ct->add_flag("--json", t->json, "report as JSON");
  commands.bind(ct, [t] {
    if (t->attr.empty() == t->attrs.empty()) throw Error("give --attr NAME (--out FILE) or --attrs LIST (--out DIR)");
    if (!t->shard.empty() && t->attrs.empty()) throw Error("--shard splits the attributes of --attrs");
    auto [w, l] = read_data(*t);
    auto classifier = models::load_classifier(t->classifier, torch::kCPU);
    if (!t->attr.empty()) {
      const TransformerRun run = train_one_transformer(*t, w, l, classifier, edit::require_attribute(t->attr).index);
      if (t->json) print_json(run.report);
      else std::cout << run.report.dump() << "\n";
      return kOk;
    }
    const std::vector<int> attrs = transformer_attributes(t->attrs);
    const batch::Shard shard = t->shard.empty() ? batch::Shard{} : batch::parse_shard(t->shard);
    const std::string dest = shard.whole() ? t->out : batch::part_dir(t->out, shard);
    std::filesystem::create_directories(dest);
    nlohmann::json rows = nlohmann::json::array();
    std::vector<int> trained;
    bool cancelled = false;
    // Round robin over the attributes in the order given; each is trained as in a run of its own.
    for (size_t i = 0; i < attrs.size() && !cancelled; ++i) {
      if (!shard.owns(static_cast<int64_t>(i))) continue;
      TrainArgs one = *t;
      one.out = dest + "/" + transformer_file(attrs[i]);
      // A rerun goes on from what an earlier one left (a finished transformer takes no step).
      one.resume = t->resume && std::filesystem::exists(edit::resume_path(one.out));
      const TransformerRun run = train_one_transformer(one, w, l, classifier, attrs[i]);
      rows.push_back(run.report);
      cancelled = run.cancelled;
      if (!cancelled) trained.push_back(attrs[i]);
      if (!t->json) std::cout << run.report.dump() << "\n";
    }
    if (!shard.whole()) {
      // Everything the weights depend on: shards that differ in any of it cannot be joined.
      const nlohmann::json settings{{"latents", t->latents}, {"labels", t->labels},   {"classifier", t->classifier},
                                    {"attributes", attrs},   {"epochs", t->epochs},   {"batch", t->batch},
                                    {"max_steps", t->max_steps}, {"lr", t->lr},     {"seed", t->seed},
                                    {"checkpoint_every", t->checkpoint_every}};
      batch::write_part_info(t->out, shard, "train transformer", settings, !cancelled, {{"trained", trained}});
    }
    if (t->json) print_json({{"out", dest}, {"transformers", rows}});
    return cancelled ? kFailure : kOk;
  });

  auto* cd = train.add_subcommand(
      "directions", "Fit linear attribute directions (hyperplane normals, the InterFaceGAN-style baseline)");
  auto d = std::make_shared<TrainArgs>();
  cd->add_option("--latents", d->latents, "W+ codes [N, n_latent, dim] (.npy)")->required();
  cd->add_option("--labels", d->labels, "labels [N, 40] (.npy), CelebA order; ≥ 0.5 counts as present")->required();
  cd->add_option("--out", d->out, "directions file (.pth)")->required();
  cd->add_option("--attrs", d->attrs, "attributes to fit, names or indices, comma-separated (default: all)");
  cd->add_option("--layers", d->layers, "layers the hyperplanes live on (default: 0-10, the edited layers)");
  cd->add_option("--l2", d->l2, "L2 regularisation on standardised codes")->capture_default_str();
  cd->add_option("--max-iter", d->max_iterations, "L-BFGS iterations")->capture_default_str();
  cd->add_option("--seed", d->seed, "seed (validation split)");
  cd->add_flag("--json", d->json, "report as JSON");
  commands.bind(cd, [d] {
    auto [w, l] = read_data(*d);
    edit::DirectionFitOptions o;
    if (!d->layers.empty()) o.layers = edit::parse_layers(d->layers, w.size(1));
    o.attributes = attribute_list(d->attrs);
    o.l2 = d->l2;
    o.max_iterations = d->max_iterations;
    o.seed = d->seed;
    o.cancel = interrupt_flag();
    const InterruptScope interrupt(InterruptScope::Signals::Interrupt, InterruptScope::Second::StopsAtOnce);
    edit::DirectionFitReport report;
    const auto start = std::chrono::steady_clock::now();
    edit::DirectionSet set = edit::fit_directions(w, l, o, &report);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (report.cancelled) throw Error("interrupted before the fit finished; nothing written");
    if (set.directions.empty()) throw Error("no attribute has both classes in the labels; nothing to fit");
    edit::save_directions(d->out, set);
    double mean = 0;
    for (const auto& [k, acc] : report.validation_accuracy) mean += acc / static_cast<double>(report.validation_accuracy.size());
    if (d->json) {
      nlohmann::json out{{"out", d->out}, {"train", report.train_count}, {"validation", report.validation_count},
                         {"mean_accuracy", mean}, {"seconds", seconds}, {"accuracy", nlohmann::json::object()},
                         {"skipped", nlohmann::json::array()}};
      for (const auto& [k, acc] : report.validation_accuracy) out["accuracy"][attribute_id(k)] = acc;
      for (int k : report.skipped) out["skipped"].push_back(attribute_id(k));
      print_json(out);
    } else {
      for (const auto& [k, acc] : report.validation_accuracy)
        std::cout << std::left << std::setw(20) << attribute_id(k) << std::fixed << std::setprecision(3) << acc << "\n";
      for (int k : report.skipped) std::cout << std::left << std::setw(20) << attribute_id(k) << "skipped (one class only)\n";
      std::cout << "mean validation accuracy " << std::setprecision(3) << mean << " (" << report.validation_count
                << " held out); " << set.directions.size() << " direction(s) → " << d->out << "\n";
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_train);

}  // namespace
}  // namespace facet::cli
