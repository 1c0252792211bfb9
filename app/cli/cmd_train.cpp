// facet-cli train classifier | transformer: the Latent Transformer's training, in C++.
#include <atomic>
#include <csignal>
#include <iomanip>
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "core/edit/attributes.h"
#include "core/edit/training.h"
#include "core/io/error.h"
#include "core/io/npy.h"

namespace facet::cli {
namespace {

// Ctrl-C sets a flag; the training loop stops at the next step and the result so far is saved.
std::atomic<bool> g_interrupted{false};
void on_sigint(int) { g_interrupted = true; }

void print_progress(const edit::TrainProgress& p, bool transformer) {
  if (p.step % 10 != 0 && p.step != p.total_steps) return;
  std::cerr << "\r[" << std::setw(5) << p.step << "/" << p.total_steps << "] epoch " << p.epoch << "  loss "
            << std::fixed << std::setprecision(4) << p.loss;
  if (transformer) std::cerr << " (cls " << p.loss_cls << ", attr " << p.loss_attr << ", rec " << p.loss_rec << ")";
  std::cerr << std::flush;
}

struct TrainArgs {
  std::string latents, labels, out, classifier, attr;
  int64_t epochs = 0, batch = 32, max_steps = 0;
  double lr = 1e-3;
  uint64_t seed = 0;
  bool json = false;
};

std::pair<torch::Tensor, torch::Tensor> read_data(const TrainArgs& a) {
  torch::Tensor w = io::read_npy(a.latents).to(torch::kFloat32);
  torch::Tensor l = io::read_npy(a.labels).to(torch::kFloat32);
  if (w.dim() == 2) w = w.unsqueeze(1);
  return {w, l};
}

void register_train(CLI::App& root, Commands& commands) {
  auto& train = group(root, "train", "Train the latent classifier or a latent transformer");

  auto* cc = train.add_subcommand("classifier", "Train the latent classifier C on (W+, label) pairs");
  auto c = std::make_shared<TrainArgs>();
  c->epochs = 20;
  cc->add_option("--latents", c->latents, "W+ codes [N, n_latent, dim] (.npy)")->required();
  cc->add_option("--labels", c->labels, "labels [N, 40] in {0, 1} (.npy), CelebA order")->required();
  cc->add_option("--out", c->out, "classifier file (.pth, the authors' layout)")->required();
  cc->add_option("--epochs", c->epochs, "epochs")->capture_default_str();
  cc->add_option("--lr", c->lr, "Adam learning rate")->capture_default_str();
  cc->add_option("--seed", c->seed, "seed (split and order)");
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
    o.lr = c->lr;
    o.seed = c->seed;
    o.cancel = &g_interrupted;
    o.progress = [](const edit::TrainProgress& p) { print_progress(p, false); };
    std::signal(SIGINT, on_sigint);
    auto report = edit::train_classifier(classifier, w, l, o);
    std::cerr << "\n";
    nn::save_latent_classifier(c->out, classifier);
    const auto& attrs = edit::celeba_attributes();
    if (c->json) {
      nlohmann::json out{{"mean_accuracy", report.mean_accuracy}, {"train", report.train_count},
                         {"validation", report.validation_count}, {"cancelled", report.cancelled}};
      for (size_t k = 0; k < report.validation_accuracy.size(); ++k)
        out["accuracy"][k < attrs.size() ? attrs[k].id : std::to_string(k)] = report.validation_accuracy[k];
      print_json(out);
    } else {
      for (size_t k = 0; k < report.validation_accuracy.size(); ++k)
        std::cout << std::left << std::setw(20) << (k < attrs.size() ? attrs[k].id : std::to_string(k)) << std::fixed
                  << std::setprecision(3) << report.validation_accuracy[k] << "\n";
      std::cout << "mean validation accuracy " << report.mean_accuracy << " (" << report.validation_count
                << " held out)" << (report.cancelled ? "; interrupted, saved what was learnt" : "") << "\n";
    }
    return kOk;
  });

  auto* ct = train.add_subcommand("transformer", "Train the latent transformer T_k for one attribute");
  auto t = std::make_shared<TrainArgs>();
  t->epochs = 10;
  ct->add_option("--attr", t->attr, "attribute name or index")->required();
  ct->add_option("--latents", t->latents, "W+ codes [N, n_latent, dim] (.npy)")->required();
  ct->add_option("--labels", t->labels, "labels [N, 40] (.npy), for the correlation mask")->required();
  ct->add_option("--classifier", t->classifier, "the latent classifier (.pth)")->required();
  ct->add_option("--out", t->out, "transformer file (tnet_<k>.pth.tar layout)")->required();
  ct->add_option("--epochs", t->epochs, "epochs")->capture_default_str();
  ct->add_option("--max-steps", t->max_steps, "stop after this many steps (0: all epochs)");
  ct->add_option("--lr", t->lr, "Adam learning rate")->capture_default_str();
  ct->add_option("--seed", t->seed, "seed");
  ct->add_flag("--json", t->json, "report as JSON");
  commands.bind(ct, [t] {
    auto [w, l] = read_data(*t);
    const int k = edit::require_attribute(t->attr).index;
    auto classifier = nn::load_latent_classifier(t->classifier);
    nn::LatentTransformer transformer(w.size(1), w.size(2));
    edit::TransformerTrainOptions o;
    o.epochs = t->epochs;
    o.max_steps = t->max_steps;
    o.lr = t->lr;
    o.seed = t->seed;
    o.cancel = &g_interrupted;
    o.progress = [](const edit::TrainProgress& p) { print_progress(p, true); };
    std::signal(SIGINT, on_sigint);
    auto report = edit::train_transformer(transformer, classifier, w, l, k, o);
    std::cerr << "\n";
    nn::save_latent_transformer(t->out, transformer);
    nlohmann::json out{{"attribute", edit::celeba_attributes()[k].id}, {"steps", report.steps},
                       {"loss", report.last.loss}, {"loss_cls", report.last.loss_cls},
                       {"loss_attr", report.last.loss_attr}, {"loss_rec", report.last.loss_rec},
                       {"cancelled", report.cancelled}};
    if (t->json) print_json(out);
    else std::cout << out.dump() << "\n";
    return kOk;
  });
}
FACET_CLI_COMMAND(register_train);

}  // namespace
}  // namespace facet::cli
