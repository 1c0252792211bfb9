// facet-cli edit-video: the paper's video pipeline — track and stabilise the face, align every frame, embed with
// the pSp/e4e encoder (in batches; optionally refined per frame by Image2StyleGAN, --refine-steps), apply the same
// edit stack, generate, paste back, and write the video at the source's rate and size (audio kept when ffmpeg is
// present). Frames without a face pass through and are listed. Finished frames stay in a work folder beside the
// output until the video is written, so an interrupted run continues with --resume. With --tune N, one copy of the
// generator is first tuned to N frames (core/video/video_tune.h) and renders every frame.
#include <filesystem>
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "app/cli/interrupt.h"
#include "app/cli/perceptual_options.h"
#include "app/cli/startup.h"
#include "core/batch/parts.h"
#include "core/batch/shard.h"
#include "core/video/edit_work.h"
#include "core/video/face_ops.h"
#include "core/edit/attributes.h"
#include "core/edit/edit_stack.h"
#include "core/io/error.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"
#include "core/video/video_edit.h"
#include "core/video/video_edit_models.h"
#include "core/video/video_tune.h"

namespace facet::cli {
namespace {

struct EditVideoArgs {
  GeneratorArgs generator;
  std::string input, out, encoder = "psp_ffhq_encode.pt", transformers_dir, predictor, blend = "feather",
                          codec = "auto", layers, work_dir, shard;
  PerceptualArgs perceptual{"none", "", ""};
  std::vector<std::string> edits;
  int from = 0, to = -1, batch = 4, generate_size = 0, refine_steps = 0, tune_frames = 0, tune_steps = 350;
  double refine_lr = 0.01, tune_lr = 3e-4;
  bool json = false, no_audio = false, no_flow = false, no_encoder = false, warm = false, resume = false;
};

edit::Edit parse_edit(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos) throw Error("--edit must look like Smiling=1.5 (got '" + text + "')");
  try {
    return {edit::require_attribute(text.substr(0, eq)).index, std::stod(text.substr(eq + 1))};
  } catch (const std::logic_error&) {
    throw Error("--edit " + text + ": α must be a number");
  }
}

void register_edit_video(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("edit-video", "Edit the face in a video with the same attribute edits on every frame");
  auto a = std::make_shared<EditVideoArgs>();
  cmd->add_option("video", a->input, "input video")->required();
  cmd->add_option("--edit", a->edits, "ATTRIBUTE=α (repeatable; applied in order)")->required();
  cmd->add_option("--out", a->out, "output video (.mp4 or .avi)")->required();
  add_generator_options(cmd, a->generator, false);
  cmd->add_option("--encoder", a->encoder, "pSp/e4e checkpoint (its decoder is the default generator)")
      ->capture_default_str();
  cmd->add_flag("--no-encoder", a->no_encoder,
                "embed by optimisation alone (needs --refine-steps and --generator): first frame from latent_avg");
  cmd->add_option("--refine-steps", a->refine_steps,
                  "Image2StyleGAN steps per frame after the encoder (0: encoder only)")->capture_default_str();
  cmd->add_option("--refine-lr", a->refine_lr, "learning rate of the refinement")->capture_default_str();
  cmd->add_flag("--warm-start", a->warm,
                "refine each frame from the previous frame's refined code (default: from the encoder's code, or "
                "latent_avg without an encoder; steadier)");
  add_perceptual_options(cmd, a->perceptual);
  cmd->add_option("--tune", a->tune_frames,
                  "first tune the generator to N frames spread over the range (pivotal tuning; 0: off); every frame "
                  "is then rendered by the tuned generator, which keeps the person")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--tune-steps", a->tune_steps, "--tune: at most this many steps")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--tune-lr", a->tune_lr, "--tune: Adam learning rate")->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--transformers", a->transformers_dir, "folder of tnet_<k>.pth.tar (default: the models folder's)");
  cmd->add_option("--predictor", a->predictor, "dlib 68-point shape predictor");
  cmd->add_option("--blend", a->blend, "feather (dilated, feathered landmark mask) or seamless (Poisson cloning)")
      ->capture_default_str();
  cmd->add_option("--layers", a->layers, "edited layers (default: below 11, the rest kept)");
  cmd->add_option("--from", a->from, "first frame of the range to edit")->capture_default_str();
  cmd->add_option("--to", a->to, "end frame (excluded)");
  cmd->add_option("--batch", a->batch, "frames per encoder/generator call")->capture_default_str();
  cmd->add_option("--generate-size", a->generate_size, "generator output side (a power of two; default: full)");
  cmd->add_option("--codec", a->codec, "auto, h264, mp4v or mjpeg")->capture_default_str();
  cmd->add_flag("--resume", a->resume,
                "continue an interrupted run with the same input and settings (its finished frames are kept)");
  cmd->add_option("--work-dir", a->work_dir, "folder for finished frames (default: .OUT.facet-work beside OUT)");
  cmd->add_option("--shard", a->shard,
                  "edit only shard I of N (I/N, from 0): a block of whole batches of frames, kept in the work folder; "
                  "`merge OUT` writes the video once every shard is done");
  cmd->add_flag("--no-audio", a->no_audio, "do not copy the source's audio");
  cmd->add_flag("--no-flow", a->no_flow, "skip the optical-flow blending");
  cmd->add_flag("--json", a->json, "print the report as JSON");
  commands.bind(cmd, [a] {
    video::VideoEditOptions options;
    for (const auto& e : a->edits) options.edits.edits.push_back(parse_edit(e));
    options.batch = a->batch;
    options.generate_size = a->generate_size;
    options.codec = video::parse_codec(a->codec);
    options.keep_audio = !a->no_audio;
    options.track.first_frame = a->from;
    options.track.end_frame = a->to;
    options.track.use_flow = !a->no_flow;
    options.resume = a->resume;
    options.work_dir = a->work_dir;
    options.warm_start = a->warm;
    options.refine_steps = a->refine_steps;
    auto usage = [](const char* message) {
      std::cerr << "facet-cli: edit-video: " << message << "\n";
      return kUsage;
    };
    if (a->refine_steps < 0) return usage("--refine-steps must be ≥ 0");
    if (a->no_encoder && a->refine_steps == 0)
      return usage("--no-encoder needs --refine-steps N (the frames are then embedded by optimisation alone)");
    const batch::Shard shard = a->shard.empty() ? batch::Shard{} : batch::parse_shard(a->shard);
    if (!shard.whole() && a->tune_frames > 0)
      return usage("--tune cannot be split into shards (each shard would tune a generator of its own)");
    // A shard keeps its frames in its part of the work folder, which merge reads.
    const std::string work_root = a->work_dir.empty() ? video::EditWork(a->out).dir() : a->work_dir;
    if (!shard.whole()) {
      options.work_dir = batch::part_dir(work_root, shard);
      options.shard_index = shard.index;
      options.shard_count = shard.count;
    }
    const video::FaceOps face = video::make_face_ops(a->predictor, a->blend);

    video::VideoEditModelFiles files;
    files.encoder = a->no_encoder ? "" : models::require_role_file(models::Role::Encoder, a->encoder);
    if (a->no_encoder && a->generator.file.empty()) return usage("--no-encoder needs --generator");
    files.generator = a->generator.file;
    files.transformers = models::require_role_file(models::Role::Transformers, a->transformers_dir);
    files.lr_mlp = a->generator.lr_mlp;
    // The same loading as the editor's video edit: one model set, checked the same way.
    const video::VideoEditModelSet set =
        video::load_video_edit_models(files, models::choose_device(a->generator.device));
    stop_heap_warmup();  // rendering needs both cores
    if (a->generator.file.empty()) a->generator.file = files.encoder;
    if (!a->layers.empty()) options.edits.edited_layers = edit::parse_layers(a->layers, set.generator->n_latent());
    embed::EmbedOptions refine;
    refine.steps = a->refine_steps;
    refine.lr = a->refine_lr;
    std::string note;
    const auto device = set.generator->device();
    const embed::PerceptualLoss perceptual =
        refine.steps > 0 || a->tune_frames > 0 ? make_perceptual(a->perceptual, device, note) : embed::PerceptualLoss{};
    if (!note.empty() && !a->json) std::cerr << "note: " << note << "\n";
    // Ctrl-C ends the tuning, or a frame's optimisation, early and stops between frames: the finished frames stay in
    // the work folder for --resume.
    const InterruptScope interrupt;
    video::VideoEditModels models = set.models(refine, perceptual, interrupt.flag());
    // --tune: the pivots are found with the base generator; the tuned copy then embeds (refinement) and renders.
    video::VideoEditModelSet tuned_set = set;
    nlohmann::json tuning = nullptr;
    if (a->tune_frames > 0) {
      video::VideoTuneOptions t;
      t.frames = a->tune_frames;
      t.first_frame = a->from;
      t.end_frame = a->to;
      t.tune.steps = a->tune_steps;
      t.tune.lr = a->tune_lr;
      const video::VideoTuneResult r = video::tune_to_video(
          a->input, face, models, set.generator, perceptual, t,
          [&](const tune::TuneProgress& p) {
            if (!a->json) std::cerr << "\rtune " << p.step << "/" << p.steps << " (L2 " << p.l2 << ")   " << std::flush;
          },
          interrupt.flag());
      if (r.tuning.cancelled) {
        std::cerr << "\ninterrupted while tuning: nothing written\n";
        return kFailure;
      }
      tuned_set.generator = r.generator;
      models = tuned_set.models(refine, perceptual, interrupt.flag());
      tuning = {{"frames", r.frames},
                {"steps", r.tuning.steps_done},
                {"l2_before", r.tuning.start_l2},
                {"l2", r.tuning.l2},
                {"lpips", r.tuning.lpips >= 0 ? nlohmann::json(r.tuning.lpips) : nlohmann::json()},
                {"ms_per_step", r.tuning.ms_per_step}};
      if (!a->json) std::cerr << "\n";
    }
    options.settings = {{"generator", a->generator.file}, {"encoder", files.encoder}, {"blend", a->blend},
                        {"predictor", a->predictor}, {"perceptual", a->perceptual.mode}, {"refine_lr", a->refine_lr},
                        {"flow", !a->no_flow}, {"codec", a->codec},
                        {"tune", a->tune_frames}, {"tune_steps", a->tune_steps}, {"tune_lr", a->tune_lr}};

    const video::VideoEditReport r = video::edit_video(
        a->input, a->out, face, models, options,
        [&](const std::string& stage, int done, int total) {
          if (!a->json) std::cerr << "\r" << stage << " " << done << "/" << total << "   " << std::flush;
        },
        interrupt.flag());
    if (!shard.whole()) {
      // Every shard has the same settings (merge checks); the part says which frames it holds.
      const nlohmann::json settings = {{"edits", a->edits},        {"from", a->from},
                                       {"to", a->to},              {"batch", a->batch},
                                       {"layers", a->layers},      {"generate_size", a->generate_size},
                                       {"refine_steps", a->refine_steps}, {"warm", a->warm},
                                       {"models", options.settings}};
      batch::write_part_info(work_root, shard, "edit-video", settings, !r.cancelled,
                             {{"input", std::filesystem::absolute(a->input).string()},
                              {"output", std::filesystem::absolute(a->out).string()},
                              {"first", r.block_first},
                              {"frames", r.frames},
                              {"codec", a->codec},
                              {"keep_audio", !a->no_audio}});
    }
    if (a->json) {
      print_json({{"out", r.out},
                  {"codec", r.codec},
                  {"frames", r.frames},
                  {"edited", r.edited},
                  {"frames_without_face", r.frames_without_face},
                  {"fps", r.fps()},
                  {"source_fps", r.source_fps},
                  {"jitter_before", r.jitter_before},
                  {"jitter_after", r.jitter_after},
                  {"audio", r.audio},
                  {"refine_steps", a->refine_steps},
                  {"refined", r.refined},
                  {"warm_start", a->refine_steps > 0 && a->warm},
                  {"tuning", tuning},
                  {"code_jitter", r.code_jitter},
                  {"face_jitter", r.face_jitter},
                  {"resumed_frames", r.resumed_frames},
                  {"cancelled", r.cancelled},
                  {"work_dir", r.work_dir},
                  {"seconds", r.seconds}});
      return r.cancelled ? kFailure : kOk;
    }
    std::cerr << "\n";
    if (r.cancelled) {
      std::cout << "interrupted: " << r.frames << " finished frames kept in " << r.work_dir
                << "; run the same command with --resume to continue\n";
      return kFailure;
    }
    if (!shard.whole()) {
      std::cout << "shard " << a->shard << ": " << r.frames << " frames from frame " << r.block_first << " ("
                << r.edited << " edited) kept in " << r.work_dir << "; `facet-cli merge " << a->out
                << "` writes the video once every shard is done\n";
      return kOk;
    }
    std::cout << "wrote " << r.frames << " frames (" << r.edited << " edited, " << r.codec << ") to " << r.out
              << " at " << r.fps() << " frames per second\n"
              << "jitter of the aligned landmarks (1024² crop): " << r.jitter_before << " px before, "
              << r.jitter_after << " px after stabilisation\n"
              << "frame-to-frame change of the embedding: " << r.code_jitter << " (W+ RMS), " << r.face_jitter
              << " levels (generated face)\n"
              << r.audio << "\n";
    if (!tuning.is_null())
      std::cout << "tuned to frames " << tuning["frames"].dump() << " in " << tuning["steps"] << " steps: L2 "
                << tuning["l2_before"].get<double>() << " → " << tuning["l2"].get<double>() << "\n";
    if (r.resumed_frames > 0) std::cout << "resumed: " << r.resumed_frames << " frames kept from the earlier run\n";
    if (!r.frames_without_face.empty()) {
      std::cout << "no face (passed through unedited) in frames:";
      for (int f : r.frames_without_face) std::cout << " " << f;
      std::cout << "\n";
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_edit_video);

}  // namespace
}  // namespace facet::cli
