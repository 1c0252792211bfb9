// facet-cli tune: pivotal tuning of the generator to one or several photos; writes the change to the base generator
// (.tuned), which every --generator command loads with --tuned. Ctrl+C stops and keeps the best weights so far
// (and the state to --resume from). Given a folder, a list or a manifest, it tunes each photo on its own into
// OUT/<photo>.tuned as a batch (report, reruns, --shard I/N).
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "app/cli/interrupt.h"
#include "app/cli/photo_batch.h"
#include "core/batch/work_items.h"
#include "core/face/photo.h"
#include "core/io/error.h"
#include "core/io/image.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"
#include "core/nn/stylegan2/wplus_file.h"
#include "core/pipeline/photo_pipeline.h"
#include "core/tune/pivotal_tuning.h"
#include "core/tune/tuned_change.h"

namespace facet::cli {
namespace {

struct TuneArgs {
  GeneratorArgs generator;
  std::string photo, photos, wplus, out, encoder, predictor, loss = "auto", encoding = "bfloat16", export_pt, recon;
  std::string resolutions, locality = "off", shard;
  int pivot_steps = -1;
  int64_t rank = 16;
  tune::TuneOptions options;
  bool aligned = false, resume = false, save_state = false, json = false, quiet = false;
};

// "8,16,32" or "64-1024" (every power of two in the range).
std::vector<int64_t> parse_resolutions(const std::string& text) {
  std::vector<int64_t> out;
  std::stringstream ss(text);
  for (std::string item; std::getline(ss, item, ',');) {
    const auto dash = item.find('-');
    try {
      if (dash == std::string::npos) {
        out.push_back(std::stoll(item));
      } else {
        const int64_t lo = std::stoll(item.substr(0, dash)), hi = std::stoll(item.substr(dash + 1));
        for (int64_t r = 4; r <= hi; r *= 2)
          if (r >= lo) out.push_back(r);
      }
    } catch (const std::exception&) {
      throw Error("--resolutions: '" + item + "' is not a resolution or a range like 64-1024");
    }
  }
  return out;
}

// The photos: PHOTO, or each line of --photos (a photo path, optionally followed by its pivot .npy).
std::vector<std::pair<std::string, std::string>> photo_list(const TuneArgs& a) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!a.photo.empty()) out.emplace_back(a.photo, a.wplus);
  if (!a.photos.empty()) {
    std::ifstream in(a.photos);
    if (!in) throw Error(a.photos + ": cannot read the photo list");
    for (std::string line; std::getline(in, line);) {
      std::stringstream ss(line);
      std::string photo, pivot;
      ss >> photo >> pivot;
      if (!photo.empty() && photo[0] != '#') out.emplace_back(photo, pivot);
    }
  }
  if (out.empty()) throw Error("tune needs a PHOTO or --photos LIST");
  if (!a.wplus.empty() && out.size() > 1)
    throw Error("--wplus names the pivot of one photo; with --photos give each pivot on the photo's line");
  return out;
}

// What every photo of a run shares: the generator, the loss and the models that find pivots.
struct TuneModels {
  std::shared_ptr<nn::StyleGan2> g;
  embed::PerceptualLoss perceptual;
  bool lpips = false;
  std::string note;  // why the loss is what it is, when it is not the recipe's
  pipeline::EmbedModels embed;
  pipeline::EmbedSettings settings;
};

TuneModels load_tune_models(const TuneArgs& a) {
  TuneModels m;
  m.g = load_generator(a.generator);
  const torch::Device device = m.g->device();
  if (a.loss != "l2") {
    try {
      m.perceptual = models::load_perceptual("lpips", device, m.note);
    } catch (const Error& e) {
      if (a.loss == "lpips") throw;
      m.note = "LPIPS files not found (run models/fetch): pixel loss alone, no LPIPS stop";
    }
  }
  m.lpips = m.perceptual.kind() == embed::PerceptualKind::Lpips;
  if (!a.quiet)
    std::cerr << "loss: " << (m.lpips ? "L2 + LPIPS" : "L2 alone") << (m.note.empty() ? "" : " (" + m.note + ")")
              << "\n";
  m.embed.generator = m.g;
  m.embed.perceptual = m.perceptual;
  if (!a.encoder.empty()) m.embed.encoder = facet::models::load_encoder(a.encoder, device);
  m.settings.refine_steps = a.pivot_steps >= 0 ? a.pivot_steps : (a.encoder.empty() ? 300 : 0);
  m.settings.refine.keep_best = true;
  return m;
}

// The photo's aligned face at the generator's size and its pivot (given, or found with the photo flow).
tune::TuneTarget make_target(const TuneArgs& a, const TuneModels& m, const std::string& path,
                             const std::string& pivot) {
  const cv::Mat photo = face::read_photo(path);
  cv::Mat crop = photo;
  const auto size = m.g->size();
  if (!a.aligned) {
    const pipeline::PhotoFaces found = pipeline::find_faces(photo, a.predictor);
    if (!found.faces.empty()) {
      crop = pipeline::align_face(photo, found.faces.front(), static_cast<int>(size)).image;
    } else if (photo.cols != photo.rows) {
      throw Error(path + ": no face found and the image is not square (pass --aligned to use it stretched)");
    } else {
      std::cerr << "note: " << path << ": no face found: using the square image as an aligned crop\n";
    }
  }
  tune::TuneTarget t;
  t.image = pipeline::generator_target(crop, size, m.g->device());
  if (!pivot.empty()) {
    t.pivot = nn::read_wplus_file(pivot, *m.g, /*single=*/true);
  } else {
    if (!a.quiet) std::cerr << "finding the pivot of " << path << "…\n";
    t.pivot = pipeline::embed_aligned(crop, m.embed, m.settings).wplus;
  }
  return t;
}

tune::TuneCallback progress_printer(const TuneArgs& a) {
  return [&a](const tune::TuneProgress& p) {
    if (a.quiet) return;
    std::cerr << "\r[" << std::setw(4) << p.step << "/" << p.steps << "] loss " << std::setprecision(4) << p.loss
              << " (L2 " << p.l2;
    if (p.lpips >= 0) std::cerr << ", LPIPS " << p.lpips;
    if (a.options.locality) std::cerr << ", locality " << p.locality;
    std::cerr << ")   " << std::flush;
  };
}

// The change to the base generator, with the run's figures.
void write_change(const TuneArgs& a, nn::StyleGan2& base, const tune::TuneResult& r, size_t photos,
                  const std::string& out) {
  tune::TunedChange change = tune::make_change(
      base, *r.generator, a.encoding == "low-rank" ? tune::ChangeEncoding::LowRank : tune::ChangeEncoding::BFloat16,
      a.rank);
  change.info = {{"steps", r.steps_done}, {"l2", r.l2}, {"lpips", r.lpips}, {"photos", double(photos)}};
  tune::save_change(out, change);
}

// Settings the batch's outputs depend on besides the photo: a rerun with other ones tunes again.
nlohmann::json tune_settings(const TuneArgs& a) {
  const auto& o = a.options;
  return {{"generator", a.generator.file}, {"encoder", a.encoder},   {"pivot_steps", a.pivot_steps},
          {"aligned", a.aligned},          {"predictor", a.predictor}, {"steps", o.steps},
          {"lr", o.lr},                    {"lpips_stop", o.lpips_stop}, {"loss", a.loss},
          {"locality", a.locality},        {"resolutions", a.resolutions}, {"encoding", a.encoding},
          {"rank", a.rank},                {"seed", o.seed}};
}

// Each photo of a folder, list or manifest (whose lines may give a "wplus" pivot) tuned on its own. A photo that
// Ctrl+C stops keeps its state beside its output, and the rerun goes on from there.
int run_tune_batch(const TuneArgs& a) {
  for (const auto& [given, flag] : {std::pair{!a.photos.empty(), "--photos"}, {!a.wplus.empty(), "--wplus"},
                                    {a.resume, "--resume"}, {a.save_state, "--save-state"},
                                    {!a.export_pt.empty(), "--export"}, {!a.recon.empty(), "--recon"}})
    if (given)
      throw Error(std::string(flag) + " is for one tuning run; a folder, list or manifest tunes each photo on its own "
                                      "(a manifest line may give its \"wplus\")");
  TuneModels m;
  PhotoBatch job;
  job.command = "tune";
  job.source = a.photo;
  job.out = a.out;
  job.shard = a.shard;
  job.settings = tune_settings(a);
  job.extension = ".tuned";
  job.verb = "tune";
  job.prepare = [&] { m = load_tune_models(a); };
  job.run_item = [&](const batch::WorkItem& item, nlohmann::json& line, const std::atomic<bool>* stop) {
    std::string pivot;
    for (const auto& [key, value] : item.options.items()) {
      if (key != "wplus" || !value.is_string())
        throw Error("a tune manifest line takes \"photo\", \"output\" and \"wplus\" (a path), not \"" + key + "\"");
      pivot = value.get<std::string>();
    }
    const tune::TuneTarget target = make_target(a, m, item.photo, pivot);
    const std::string state_path = item.output + ".state";
    tune::TuneState resume_state;
    const bool resume = std::filesystem::exists(state_path);
    if (resume) resume_state = tune::load_state(state_path);
    const tune::TuneResult r = tune::PivotalTuner(m.g, m.perceptual)
                                   .tune({target}, a.options, progress_printer(a), stop,
                                         resume ? &resume_state : nullptr);
    if (!a.quiet) std::cerr << "\n";
    if (r.cancelled) {
      tune::save_state(state_path, r.state);
      std::cerr << "tune: " << item.photo << " stopped at step " << r.steps_done << "; the rerun goes on from "
                << state_path << "\n";
      throw BatchStopped{};
    }
    write_change(a, *m.g, r, 1, item.output);
    if (resume) std::filesystem::remove(state_path);
    line["steps"] = r.steps_done;
    line["l2"] = r.l2;
    if (!resume) line["l2_before"] = r.start_l2;
    if (m.lpips) {
      line["lpips"] = r.lpips;
      if (!resume) line["lpips_before"] = r.start_lpips;
    }
    line["ms_per_step"] = r.ms_per_step;
    line["out_bytes"] = std::filesystem::file_size(item.output);
  };
  return run_photo_batch(job);
}

void register_tune(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand(
      "tune", "Pivotal tuning: fine-tune the generator's weights so that at the photo's code it reproduces the photo; "
              "writes the change (.tuned) for --tuned");
  auto a = std::make_shared<TuneArgs>();
  auto& o = a->options;
  cmd->add_option("photo", a->photo, "face photo (aligned first unless --aligned), or a folder, list or manifest of "
                                     "photos each tuned on its own into the --out folder");
  cmd->add_option("--photos", a->photos, "text file: one photo per line (optionally followed by its pivot .npy), "
                                          "all tuned into one generator");
  add_generator_options(cmd, a->generator, /*required=*/true);
  cmd->add_option("--wplus", a->wplus, "the pivot (W+ .npy); default: found with the photo flow (encoder, refinement)");
  cmd->add_option("--encoder", a->encoder, "pSp or e4e checkpoint to find the pivot with");
  cmd->add_option("--pivot-steps", a->pivot_steps, "refinement steps finding the pivot (default 300, 0 with --encoder)")
      ->check(CLI::Range(0, 100000));
  cmd->add_flag("--aligned", a->aligned, "the photo is already an aligned face crop");
  cmd->add_option("--predictor", a->predictor, "dlib 68-landmark model (default: the models path)");
  cmd->add_option("--out", a->out, "the tuned change (.tuned), or a batch's output folder")->required();
  cmd->add_option("--steps", o.steps, "at most this many steps")->capture_default_str()->check(CLI::Range(0, 100000));
  cmd->add_option("--lr", o.lr, "Adam learning rate")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--lpips-stop", o.lpips_stop, "stop once LPIPS is at most this (0: never)")->capture_default_str();
  cmd->add_option("--loss", a->loss, "auto (L2 + LPIPS when its files are found, else L2), lpips or l2")
      ->check(CLI::IsMember({"auto", "lpips", "l2"}))
      ->capture_default_str();
  cmd->add_option("--locality", a->locality, "the locality regulariser: the generator kept as it was away from the pivot")
      ->check(CLI::IsMember({"on", "off"}))
      ->capture_default_str();
  cmd->add_option("--resolutions", a->resolutions, "tune only these layers' resolutions, e.g. 64-1024 or 4,8,16 (default: all)");
  cmd->add_option("--encoding", a->encoding, "bfloat16 (differences) or low-rank (factors of rank --rank)")
      ->check(CLI::IsMember({"bfloat16", "low-rank"}))
      ->capture_default_str();
  cmd->add_option("--rank", a->rank, "rank of the low-rank factors")->capture_default_str()->check(CLI::Range(1, 4096));
  cmd->add_option("--seed", o.seed, "seed of the locality samples")->capture_default_str();
  cmd->add_flag("--resume", a->resume, "go on from OUT.state (left by an interrupted run or --save-state)");
  cmd->add_flag("--save-state", a->save_state, "always write OUT.state (the weights and Adam's moments) to resume from");
  cmd->add_option("--export", a->export_pt, "also write the whole tuned generator as a rosinality .pt");
  cmd->add_option("--recon", a->recon, "also write the first photo's reconstruction by the tuned generator");
  cmd->add_flag("--quiet", a->quiet, "no per-step progress");
  cmd->add_flag("--json", a->json, "Machine-readable summary on stdout (one run; a batch writes OUT/report.jsonl)");
  cmd->add_option("--shard", a->shard, "I/N: only this shard of a folder, list or manifest (merge joins the reports)");
  commands.bind(cmd, [a]() -> int {
    auto& o = a->options;
    if (!a->generator.tuned.empty())
      throw Error("tune starts from the base generator: give --generator alone (--resume goes on with a run)");
    o.locality = a->locality == "on";
    if (!a->resolutions.empty()) o.resolutions = parse_resolutions(a->resolutions);
    if (!a->photo.empty() && batch::source_kind(a->photo) != batch::SourceKind::kSingle) return run_tune_batch(*a);
    if (!a->shard.empty()) throw Error("--shard splits a folder, list or manifest of photos tuned each on its own");
    const auto photos = photo_list(*a);
    const std::string state_path = a->out + ".state";
    tune::TuneState resume_state;
    if (a->resume) {
      if (!std::filesystem::exists(state_path)) throw Error("--resume: " + state_path + " not found");
      resume_state = tune::load_state(state_path);
    }
    const TuneModels m = load_tune_models(*a);
    std::vector<tune::TuneTarget> targets;
    for (const auto& [path, pivot] : photos) targets.push_back(make_target(*a, m, path, pivot));

    const tune::TuneResult r = [&] {
      const InterruptScope interrupt;
      return tune::PivotalTuner(m.g, m.perceptual)
          .tune(targets, o, progress_printer(*a), interrupt.flag(), a->resume ? &resume_state : nullptr);
    }();
    if (!a->quiet) std::cerr << "\n";

    write_change(*a, *m.g, r, targets.size(), a->out);
    if (r.cancelled || a->save_state) tune::save_state(state_path, r.state);
    else if (std::filesystem::exists(state_path)) std::filesystem::remove(state_path);  // finished: nothing to resume
    if (!a->export_pt.empty()) tune::export_rosinality(*r.generator, a->export_pt);
    if (!a->recon.empty()) {
      torch::NoGradGuard no_grad;
      io::write_image(a->recon, r.generator->synthesis(targets.front().pivot)[0]);
    }
    nlohmann::json out{{"photos", targets.size()},
                       {"generator", a->generator.file},
                       {"size", m.g->size()},
                       {"device", models::describe_device(m.g->device())},
                       {"threads", torch::get_num_threads()},
                       {"loss", m.lpips ? "l2+lpips" : "l2"},
                       {"steps", r.steps_done},
                       {"cancelled", r.cancelled},
                       {"converged", r.converged},
                       {"best_step", r.best_step},
                       {"ms_per_step", r.ms_per_step},
                       {"l2", r.l2},
                       {"out", a->out},
                       {"encoding", a->encoding},
                       {"out_bytes", std::filesystem::file_size(a->out)}};
    if (m.lpips) out["lpips"] = r.lpips;
    // A resumed run did not see the base generator: no "before" figures.
    if (!a->resume) {
      out["l2_before"] = r.start_l2;
      if (m.lpips) out["lpips_before"] = r.start_lpips;
    }
    if (!m.note.empty()) out["note"] = m.note;
    if (r.cancelled || a->save_state) out["state"] = state_path;
    if (a->json) {
      print_json(out);
    } else {
      std::cout << "tuned to " << targets.size() << " photo(s) in " << r.steps_done << " steps"
                << (r.cancelled ? " (interrupted: best kept; --resume goes on)" : r.converged ? " (LPIPS stop reached)" : "")
                << ", " << std::fixed << std::setprecision(0) << r.ms_per_step << " ms/step; L2 " << std::setprecision(4);
      if (!a->resume) std::cout << r.start_l2 << " → ";
      std::cout << r.l2;
      if (m.lpips) std::cout << ", LPIPS " << (a->resume ? "" : std::to_string(r.start_lpips) + " → ") << r.lpips;
      std::cout << "\nwrote " << a->out << " (" << out["out_bytes"].get<uintmax_t>() / 1024 << " KiB, " << a->encoding
                << ")\n";
    }
    return r.cancelled ? kFailure : kOk;
  });
}
FACET_CLI_COMMAND(register_tune);

}  // namespace
}  // namespace facet::cli
