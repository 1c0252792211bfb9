// facet-cli classify: the latent classifier's 40 attribute probabilities for W+ codes.
#include <iomanip>
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "core/edit/attributes.h"
#include "core/io/npy.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"
#include "core/nn/latent/latent_classifier.h"

namespace facet::cli {
namespace {

struct ClassifyArgs {
  std::string classifier = "latent_classifier_epoch_20.pth", wplus, out, device = "auto";
  bool json = false;
};

void register_classify(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("classify", "Attribute probabilities [N, 40] of W+ codes (the latent classifier)");
  auto a = std::make_shared<ClassifyArgs>();
  cmd->add_option("--classifier", a->classifier, "latent classifier (.pth)")->capture_default_str();
  cmd->add_option("--wplus", a->wplus, "W+ codes (.npy)")->required();
  cmd->add_option("--out", a->out, "write probabilities to this .npy");
  cmd->add_option("--device", a->device, "auto, cpu, cuda")->capture_default_str();
  cmd->add_flag("--json", a->json, "Machine-readable output");
  commands.bind(cmd, [a] {
    auto device = models::choose_device(a->device);
    auto c = models::load_classifier(a->classifier, device);
    torch::Tensor w = io::read_npy(a->wplus).to(device, torch::kFloat32);
    if (w.dim() == 2) w = w.unsqueeze(0);
    torch::NoGradGuard no_grad;
    torch::Tensor p = torch::sigmoid(c->forward(w)).cpu();
    if (!a->out.empty()) io::write_npy(a->out, p);
    const auto& attrs = edit::celeba_attributes();
    if (a->json) {
      nlohmann::json out = nlohmann::json::array();
      for (int64_t i = 0; i < p.size(0); ++i) {
        nlohmann::json row;
        for (int64_t k = 0; k < p.size(1) && k < static_cast<int64_t>(attrs.size()); ++k)
          row[attrs[k].id] = p[i][k].item<double>();
        out.push_back(row);
      }
      print_json(out);
      return kOk;
    }
    for (int64_t i = 0; i < p.size(0); ++i) {
      std::cout << "sample " << i << ":\n";
      for (int64_t k = 0; k < p.size(1) && k < static_cast<int64_t>(attrs.size()); ++k)
        std::cout << "  " << std::left << std::setw(20) << attrs[k].id << std::fixed << std::setprecision(3)
                  << p[i][k].item<double>() << "\n";
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_classify);

}  // namespace
}  // namespace facet::cli
