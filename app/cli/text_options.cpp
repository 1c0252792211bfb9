#include "app/cli/text_options.h"

#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "core/edit/text_direction.h"
#include "core/edit/text_optimisation.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"

namespace facet::cli {

void add_clip_options(CLI::App* cmd, ClipArgs& args) {
  cmd->add_option("--clip", args.clip, "CLIP TorchScript archive (default: ViT-B-32.pt on the model path)");
  cmd->add_option("--vocab", args.vocab, "CLIP vocabulary (default: bpe_simple_vocab_16e6.txt.gz on the model path)");
  cmd->add_option("--id-model", args.id_model, "ArcFace model_ir_se50.pth for the identity term (optional)");
}

std::string clip_model_path(const ClipArgs& args) { return models::require_role_file(models::Role::Clip, args.clip); }

edit::ClipGuide load_clip_guide(const ClipArgs& args, const torch::Device& device) {
  return models::load_clip(args.clip, args.vocab, device);
}

std::shared_ptr<edit::IdentityLoss> load_identity(const ClipArgs& args, const torch::Device& device) {
  if (args.id_model.empty()) return nullptr;
  return models::load_identity_loss(args.id_model, device);
}

std::shared_ptr<EditTextArgs> add_edit_text_options(CLI::App* cmd) {
  auto a = std::make_shared<EditTextArgs>();
  auto* g = cmd->add_option_group("text edits", "StyleCLIP text edits (alone, not with transformers)");
  g->add_option("--text", a->text, "a text edit, e.g. \"a face with curly hair\": latent optimisation from --wplus "
                                   "(needs --text-generator), then w + α·(w_opt − w)");
  g->add_option("--text-direction", a->direction, "a saved W+ text direction (facet-cli text optimise|mapper)");
  g->add_option("--text-generator", a->generator, "generator .pt for --text");
  g->add_option("--text-steps", a->steps, "optimisation steps for --text")->capture_default_str();
  g->add_option("--text-device", a->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  g->add_option("--clip", a->clip.clip, "CLIP TorchScript archive (default: ViT-B-32.pt on the model path)");
  g->add_option("--vocab", a->clip.vocab, "CLIP vocabulary (default: bpe_simple_vocab_16e6.txt.gz)");
  g->add_option("--id-model", a->clip.id_model, "ArcFace model_ir_se50.pth for the identity term (optional)");
  return a;
}

bool text_edit_requested(const EditTextArgs& a) { return !a.text.empty() || !a.direction.empty(); }

int run_text_edit(const EditTextArgs& a, const std::string& wplus_path, const std::string& out_path,
                  const std::vector<double>& alphas, bool other_edits_given) {
  if (other_edits_given) throw Error("--text/--text-direction run alone; apply transformers in a second edit call");
  if (!a.text.empty() && !a.direction.empty()) throw Error("give --text or --text-direction, not both");
  if (alphas.size() != 1) throw Error("give one --alpha for the text edit");
  torch::Tensor w = io::read_npy(wplus_path).to(torch::kFloat32);
  if (w.dim() == 2) w = w.unsqueeze(0);
  edit::TextDirection direction;
  if (!a.direction.empty()) {
    direction = edit::load_text_direction(a.direction);
    if (direction.kind != edit::TextDirectionKind::Latent)
      throw Error(a.direction + " is a style-space (global) direction: use facet-cli text apply --render");
  } else {
    if (a.generator.empty()) throw Error("--text needs --text-generator G.pt");
    if (w.size(0) != 1) throw Error("--text optimises one face; " + wplus_path + " holds " + std::to_string(w.size(0)));
    const auto device = models::choose_device(a.device);
    const auto g = models::load_generator(a.generator, device);
    const auto clip = load_clip_guide(a.clip, device);
    const auto identity = load_identity(a.clip, device);
    edit::TextOptimisationOptions o;
    o.steps = a.steps;
    if (identity) o.id_lambda = 0.005;  // the paper's weight for faces when an identity model is given
    const auto r = edit::optimise_text_edit(*g, clip, a.text, w, o, identity.get(), [](const edit::TextJobProgress& p) {
      if (p.step % 20 == 0 || p.step == p.total)
        std::cerr << "step " << p.step << "/" << p.total << "  loss " << p.loss << "  clip " << p.clip_loss << "\n";
      return true;
    });
    direction = r.direction;
  }
  torch::NoGradGuard no_grad;
  io::write_npy(out_path, edit::apply_latent_direction(direction, w, alphas[0]));
  std::cerr << "text edit \"" << direction.prompt << "\" (α " << alphas[0] << ") → " << out_path << "\n";
  return kOk;
}

}  // namespace facet::cli
