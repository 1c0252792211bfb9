// facet-cli text: StyleCLIP text edits — optimise (latent optimisation), global (global directions), mapper
// (latent mapper), apply (a saved direction with strength α), tokenize (CLIP token ids).
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "app/cli/interrupt.h"
#include "app/cli/text_options.h"
#include "core/edit/global_directions.h"
#include "core/edit/latent_mapper.h"
#include "core/edit/text_direction.h"
#include "core/edit/text_optimisation.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"

namespace facet::cli {
namespace {

edit::TextProgressFn stderr_progress(const char* what, int every) {
  return [what, every](const edit::TextJobProgress& p) {
    if (p.step % every == 0 || p.step == p.total) {
      std::cerr << what << " " << p.step << "/" << p.total;
      if (p.loss != 0) std::cerr << "  loss " << p.loss << "  clip " << p.clip_loss;
      std::cerr << "\n";
    }
    return true;
  };
}

torch::Tensor read_wplus(const std::string& path) {
  torch::Tensor w = io::read_npy(path).to(torch::kFloat32);
  if (w.dim() == 2) w = w.unsqueeze(0);
  if (!torch::isfinite(w).all().item<bool>()) throw Error(path + ": W+ holds NaN or infinite values");
  return w;
}

struct OptimiseArgs {
  GeneratorArgs generator;
  ClipArgs clip;
  std::string wplus, prompt, out, result;
  edit::TextOptimisationOptions o;
  bool json = false;
};

void register_optimise(CLI::App& text, Commands& commands) {
  auto* cmd = text.add_subcommand("optimise", "Latent optimisation for a prompt from one W+ code → a W+ direction");
  auto a = std::make_shared<OptimiseArgs>();
  add_generator_options(cmd, a->generator);
  add_clip_options(cmd, a->clip);
  cmd->add_option("--wplus", a->wplus, "the face's W+ code (.npy, one code)")->required();
  cmd->add_option("--prompt", a->prompt, "what the face should become, e.g. \"a face with curly hair\"")->required();
  cmd->add_option("--out", a->out, "the text direction (.json): w_opt − w, a slider")->required();
  cmd->add_option("--result", a->result, "also write w_opt (.npy)");
  cmd->add_option("--steps", a->o.steps, "Adam steps")->capture_default_str();
  cmd->add_option("--lr", a->o.lr, "learning rate (ramped up over 5%, down over the last 25%)")->capture_default_str();
  cmd->add_option("--l2-lambda", a->o.l2_lambda, "weight of ‖w − w_s‖²")->capture_default_str();
  cmd->add_option("--id-lambda", a->o.id_lambda, "weight of the identity term (needs --id-model)")->capture_default_str();
  cmd->add_option("--size", a->o.output_size, "optimise on a smaller skip-RGB output (faster, rougher)");
  cmd->add_flag("--json", a->json, "print the result as JSON");
  commands.bind(cmd, [a] {
    auto g = load_generator(a->generator);
    const auto clip = load_clip_guide(a->clip, g->device());
    const auto identity = load_identity(a->clip, g->device());
    // Ctrl-C stops the job cleanly (it returns what it has; nothing half-written is kept).
    const InterruptScope interrupt;
    const auto r = edit::optimise_text_edit(*g, clip, a->prompt, read_wplus(a->wplus), a->o, identity.get(),
                                            stderr_progress("step", 20), interrupt.flag());
    if (r.cancelled) throw Error("cancelled after " + std::to_string(r.steps_done) + " steps; nothing written");
    auto d = r.direction;
    d.generator = a->generator.file;
    edit::save_text_direction(a->out, d);
    if (!a->result.empty()) io::write_npy(a->result, r.wplus.cpu());
    if (a->json)
      print_json({{"prompt", a->prompt}, {"direction", a->out}, {"clip_start", r.clip_start}, {"clip_end", r.clip_end},
                  {"steps", r.steps_done}, {"identity_term", r.identity_used}});
    else
      std::cerr << "CLIP distance " << r.clip_start << " → " << r.clip_end << "; direction → " << a->out << "\n";
    return kOk;
  });
}

struct GlobalArgs {
  GeneratorArgs generator;
  ClipArgs clip;
  std::string target, neutral = "a face", out, cache;
  double beta = 0.15;
  edit::RelevanceOptions o;
  bool json = false;
};

void register_global(CLI::App& text, Commands& commands) {
  auto* cmd = text.add_subcommand("global", "Global direction (style space) for target vs neutral text");
  auto a = std::make_shared<GlobalArgs>();
  add_generator_options(cmd, a->generator);
  add_clip_options(cmd, a->clip);
  cmd->add_option("--target", a->target, "the target text, e.g. \"a face with glasses\"")->required();
  cmd->add_option("--neutral", a->neutral, "the neutral text")->capture_default_str();
  cmd->add_option("--beta", a->beta, "disentanglement threshold β (channels with |relevance| < β unchanged)")
      ->capture_default_str();
  cmd->add_option("--out", a->out, "the text direction (.json); α is the slider")->required();
  cmd->add_option("--cache", a->cache, "folder for the channel relevance statistics (default: <models>/relevance)");
  cmd->add_option("--samples", a->o.samples, "faces per channel for the statistics")->capture_default_str();
  cmd->add_option("--std-samples", a->o.std_samples, "samples for the style channels' σ")->capture_default_str();
  cmd->add_option("--render-size", a->o.render_size, "render the statistics at this size (0: full)");
  cmd->add_option("--max-channels", a->o.max_channels, "only the first N channels (quick looks)");
  cmd->add_option("--batch", a->o.batch, "images per generator call")->capture_default_str();
  cmd->add_flag("--json", a->json, "print the result as JSON");
  commands.bind(cmd, [a] {
    auto g = load_generator(a->generator);
    const auto clip = load_clip_guide(a->clip, g->device());
    const std::string cache = a->cache.empty() ? models::user_models_dir() + "/relevance" : a->cache;
    const InterruptScope interrupt;
    const auto r = edit::cached_channel_relevance(cache, a->generator.file, clip_model_path(a->clip), *g, clip, a->o,
                                                  stderr_progress("channel", 50), interrupt.flag());
    if (r.cancelled) throw Error("cancelled; the relevance statistics were not stored");
    edit::GlobalDirectionStats stats;
    auto d = edit::global_direction(r, edit::text_delta(clip, a->target, a->neutral), a->beta, a->target, a->neutral,
                                    &stats);
    d.generator = a->generator.file;
    edit::save_text_direction(a->out, d);
    if (a->json)
      print_json({{"target", a->target}, {"neutral", a->neutral}, {"beta", a->beta}, {"direction", a->out},
                  {"channels_used", stats.channels_used}, {"channels", r.channels_done}});
    else
      std::cerr << stats.channels_used << " of " << r.channels_done << " channels used; direction → " << a->out << "\n";
    return kOk;
  });
}

struct MapperArgs {
  GeneratorArgs generator;
  ClipArgs clip;
  std::string prompt, load, save, wplus, out;
  edit::MapperTrainingOptions o;
  bool json = false;
};

void register_mapper(CLI::App& text, Commands& commands) {
  auto* cmd = text.add_subcommand("mapper", "Train (--steps, --save) or load (--load) a latent mapper; with --wplus, "
                                            "write the face's direction 0.1·M(w)");
  auto a = std::make_shared<MapperArgs>();
  add_generator_options(cmd, a->generator);
  add_clip_options(cmd, a->clip);
  cmd->add_option("--prompt", a->prompt, "the prompt the mapper is (to be) trained for")->required();
  cmd->add_option("--load", a->load, "a trained mapper (StyleCLIP release checkpoint or facet's)");
  cmd->add_option("--save", a->save, "write the trained mapper here (.pt, the release's key names)");
  cmd->add_option("--steps", a->o.steps, "training steps (GPU advised)")->capture_default_str();
  cmd->add_option("--batch", a->o.batch_size, "codes per step")->capture_default_str();
  cmd->add_option("--lr", a->o.learning_rate, "Adam learning rate")->capture_default_str();
  cmd->add_option("--size", a->o.output_size, "train on a smaller skip-RGB output (faster, rougher)");
  cmd->add_option("--wplus", a->wplus, "a face's W+ code: write its direction to --out");
  cmd->add_option("--out", a->out, "the face's text direction (.json)");
  cmd->add_flag("--json", a->json, "print the result as JSON");
  commands.bind(cmd, [a] {
    if (a->load.empty() && a->save.empty()) throw Error("give --load MAPPER or --save MAPPER (training)");
    if (!a->wplus.empty() && a->out.empty()) throw Error("--wplus needs --out DIRECTION.json");
    auto g = load_generator(a->generator);
    nlohmann::json report = {{"prompt", a->prompt}};
    edit::LevelsMapper mapper = a->load.empty() ? edit::LevelsMapper(g->style_dim())
                                                : edit::load_latent_mapper(a->load, g->device());
    if (!a->save.empty()) {
      const auto clip = load_clip_guide(a->clip, g->device());
      const auto identity = load_identity(a->clip, g->device());
      const InterruptScope interrupt;
      const auto r = edit::train_latent_mapper(mapper, *g, clip, a->prompt, a->o, identity.get(),
                                               stderr_progress("step", 50), interrupt.flag());
      edit::save_latent_mapper(a->save, mapper);
      report["steps"] = r.steps_done;
      report["cancelled"] = r.cancelled;
      report["first_loss"] = r.first_loss;
      report["last_loss"] = r.last_loss;
      report["mapper"] = a->save;
    }
    if (!a->wplus.empty()) {
      const auto w = read_wplus(a->wplus);
      if (w.size(0) != 1) throw Error(a->wplus + ": one W+ code expected for --out");
      auto d = edit::mapper_direction(mapper, w, a->prompt);
      d.generator = a->generator.file;
      edit::save_text_direction(a->out, d);
      report["direction"] = a->out;
    }
    if (a->json) print_json(report);
    else std::cerr << report.dump() << "\n";
    return kOk;
  });
}

struct ApplyArgs {
  GeneratorArgs generator;
  std::string direction, wplus, out, render;
  double alpha = 1.0;
  int64_t size = 0;
};

void register_apply(CLI::App& text, Commands& commands) {
  auto* cmd = text.add_subcommand("apply", "Apply a text direction with strength α: edited W+ and/or an image");
  auto a = std::make_shared<ApplyArgs>();
  add_generator_options(cmd, a->generator, false);
  cmd->add_option("--direction", a->direction, "a text direction (.json)")->required();
  cmd->add_option("--wplus", a->wplus, "W+ codes (.npy)")->required();
  cmd->add_option("--alpha", a->alpha, "strength α")->capture_default_str();
  cmd->add_option("--out", a->out, "edited W+ (.npy; W+ directions only)");
  cmd->add_option("--render", a->render, "render the edited faces (needs --generator)");
  cmd->add_option("--size", a->size, "render size (a power of two up to the model's)");
  commands.bind(cmd, [a] {
    if (a->out.empty() && a->render.empty()) throw Error("give --out W.npy and/or --render IMAGE");
    const auto d = edit::load_text_direction(a->direction);
    const auto w = read_wplus(a->wplus);
    std::shared_ptr<nn::StyleGan2> g;
    if (!a->render.empty() || d.kind == edit::TextDirectionKind::Style) {
      if (a->generator.file.empty()) throw Error("--generator G.pt is needed to render or for style directions");
      g = load_generator(a->generator);
    }
    nn::SynthesisOptions so;
    so.output_size = a->size;
    torch::NoGradGuard no_grad;
    if (d.kind == edit::TextDirectionKind::Latent) {
      const auto edited = edit::apply_latent_direction(d, w, a->alpha);
      if (!a->out.empty()) io::write_npy(a->out, edited);
      if (!a->render.empty()) write_images(a->render, g->synthesis(edited.to(g->device()), so));
    } else {
      if (!a->out.empty()) throw Error(a->direction + " is a style-space direction: it has no W+ result; use --render");
      const auto styles = edit::apply_style_direction(d, g->styles(w.to(g->device())), a->alpha);
      write_images(a->render, g->synthesis_from_styles(styles, so));
    }
    std::cerr << "applied \"" << d.prompt << "\" (" << edit::kind_name(d.kind) << ", α " << a->alpha << ")\n";
    return kOk;
  });
}

struct TokenizeArgs {
  std::string text, vocab;
  bool json = false;
};

void register_tokenize(CLI::App& text, Commands& commands) {
  auto* cmd = text.add_subcommand("tokenize", "CLIP token ids of a text (start and end tokens included)");
  auto a = std::make_shared<TokenizeArgs>();
  cmd->add_option("--text", a->text, "the text")->required();
  cmd->add_option("--vocab", a->vocab, "CLIP vocabulary (default: bpe_simple_vocab_16e6.txt.gz on the model path)");
  cmd->add_flag("--json", a->json, "print the ids as JSON");
  commands.bind(cmd, [a] {
    const auto t = nn::clip::ClipTokenizer::load(models::require_role_file(models::Role::ClipVocab, a->vocab));
    std::vector<int64_t> ids{t.start_token()};
    for (auto id : t.encode(a->text)) ids.push_back(id);
    ids.push_back(t.end_token());
    if (a->json) {
      print_json({{"text", a->text}, {"ids", ids}});
    } else {
      for (size_t i = 0; i < ids.size(); ++i) std::cout << (i ? " " : "") << ids[i];
      std::cout << "\n";
    }
    return kOk;
  });
}

void register_text(CLI::App& root, Commands& commands) {
  auto& text = group(root, "text", "Text-driven edits (StyleCLIP): optimise, global, mapper, apply, tokenize");
  register_optimise(text, commands);
  register_global(text, commands);
  register_mapper(text, commands);
  register_apply(text, commands);
  register_tokenize(text, commands);
}
FACET_CLI_COMMAND(register_text);

}  // namespace
}  // namespace facet::cli
