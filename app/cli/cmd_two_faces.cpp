// Image2StyleGAN's applications of two or three faces in W+: facet-cli morph (λ·w_A + (1 − λ)·w_B, or a morph
// video), mix (layers of one code taken from another) and transfer-expression (w_a + λ·(w_c − w_b)). A face is a
// photo (found, aligned and embedded by the photo pipeline), a W+ code (.npy) or a seeded random face (seed:N).
#include <iostream>
#include <optional>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/face_args.h"
#include "app/cli/face_json.h"
#include "app/cli/generator_options.h"
#include "app/cli/perceptual_options.h"
#include "core/edit/edit_stack.h"
#include "core/edit/two_faces.h"
#include "core/face/photo.h"
#include "core/face/tensor_image.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/nn/stylegan2/wplus_file.h"
#include "core/models/model_registry.h"
#include "core/pipeline/photo_pipeline.h"
#include "core/video/video_writer.h"

namespace facet::cli {
namespace {

// How every face of the command is turned into a code.
struct FaceArgs {
  GeneratorArgs generator;
  std::string encoder, predictor;
  int steps = 0;          // refinement steps for photos
  PerceptualArgs perceptual;
  double truncation = 1;  // for seed:N faces
};

struct Face {
  std::string source;
  torch::Tensor wplus;  // [1, n_latent, dim] on the CPU
  torch::Tensor z;      // [1, dim] for seed:N faces
  std::optional<pipeline::PhotoFaces> photo;
  face::AlignedFace aligned;
};

struct Faces {
  pipeline::EmbedModels models;  // models.generator renders and embeds every face
  pipeline::EmbedSettings settings;
};

void add_face_options(CLI::App* cmd, FaceArgs& a) {
  add_generator_options(cmd, a.generator, /*required=*/false);
  cmd->add_option("--encoder", a.encoder, "pSp/e4e checkpoint that embeds photos (its decoder is the default generator)");
  cmd->add_option("--steps", a.steps, "Image2StyleGAN refinement steps for photos (after the encoder, or alone)")
      ->check(CLI::Range(0, 100000));
  add_perceptual_options(cmd, a.perceptual);
  cmd->add_option("--predictor", a.predictor, "dlib 68-point shape predictor (.dat)");
  cmd->add_option("--truncation", a.truncation, "ψ for seed:N faces (1 = none)")->capture_default_str();
}

Faces load_faces(FaceArgs& a) {
  if (a.generator.file.empty()) a.generator.file = a.encoder;
  Faces f;
  f.models.generator = load_generator(a.generator);
  if (!a.encoder.empty()) f.models.encoder = models::load_encoder(a.encoder, f.models.generator->device());
  f.settings.refine_steps = a.steps;
  f.settings.refine.keep_best = true;
  if (a.steps > 0) {
    std::string note;
    f.models.perceptual = make_perceptual(a.perceptual, f.models.generator->device(), note);
    if (!note.empty()) std::cerr << "note: " << note << "\n";
  }
  return f;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

Face face_of(const std::string& source, const Faces& f, const FaceArgs& a) {
  const nn::StyleGan2& g = *f.models.generator;
  Face out;
  out.source = source;
  if (const std::optional<uint64_t> seed = parse_seed_face(source)) {
    auto gen = at::detail::createCPUGenerator(*seed);
    out.z = torch::randn({1, g.style_dim()}, gen, torch::kFloat32);  // as facet-cli sample draws them
    torch::InferenceMode guard;
    out.wplus = g.to_wplus(g.mapping(out.z.to(g.device())), a.truncation).to(torch::kCPU).clone();
  } else if (ends_with(source, ".npy")) {
    out.wplus = nn::read_wplus_file(source, g);
  } else {
    if (!f.models.encoder && f.settings.refine_steps <= 0)
      throw Error(source + " is a photo: give --encoder E.pt and/or --steps N to embed it");
    out.photo = pipeline::find_faces(source, a.predictor);
    const face::Face& chosen = pipeline::choose_face(out.photo->faces, 0, source);
    const pipeline::EmbeddedFace embedded = pipeline::embed_face(out.photo->photo, chosen, f.models, f.settings);
    out.wplus = embedded.wplus;
    out.aligned = embedded.aligned;
  }
  if (!torch::isfinite(out.wplus).all().item<bool>()) throw Error(source + ": the W+ code holds NaN or infinite values");
  return out;
}

// Where the result goes: the code (.npy), and when asked its face (--render) or the face pasted into the first
// photo (--paste).
struct OutputArgs {
  std::string out, render;
  bool paste = false;
};

void add_output_options(CLI::App* cmd, OutputArgs& o, const std::string& out_help) {
  cmd->add_option("--out", o.out, out_help)->required();
  cmd->add_option("--render", o.render, "also render the result's face (PNG/JPEG)");
  cmd->add_flag("--paste", o.paste, "with --render: paste the face into the first face's photo");
}

cv::Mat render(const nn::StyleGan2& g, const torch::Tensor& w, const Face& first, bool paste) {
  torch::InferenceMode guard;
  const cv::Mat face = face::tensor_to_bgr(g.synthesis(w.to(g.device())));
  if (!paste) return face;
  if (!first.photo) throw Error("--paste needs the first face to come from a photo (" + first.source + " does not)");
  return pipeline::paste(first.photo->photo, first.aligned, face);
}

void write_outputs(const OutputArgs& o, const nn::StyleGan2& g, const torch::Tensor& w, const Face& first) {
  if (!o.render.empty() && first.photo) check_not_input(o.render, first.source);
  if (o.paste && o.render.empty()) throw Error("--paste goes with --render FILE");
  io::write_npy(o.out, w);
  if (!o.render.empty()) face::write_photo(o.render, render(g, w, first, o.paste));
}

void register_morph(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("morph", "Morph two faces: λ·w_A + (1 − λ)·w_B, one code or a video");
  struct Args {
    FaceArgs faces;
    OutputArgs output;
    std::string a, b, codec = "auto";
    double lambda = 0.5, fps = 25;
    int frames = 0;
    bool spherical = false;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("A", a->a, "first face: photo, W+ code (.npy) or seed:N")->required();
  cmd->add_option("B", a->b, "second face: photo, W+ code (.npy) or seed:N")->required();
  add_lambda_option(cmd, a->lambda, "weight of A (1 = A, 0 = B)");
  cmd->add_option("--frames", a->frames, "write a video of this many frames from A to B instead (--out X.mp4)")
      ->check(CLI::Range(2, 100000));
  cmd->add_option("--fps", a->fps, "video frame rate")->capture_default_str();
  cmd->add_option("--codec", a->codec, "video codec: auto, h264, mp4v or mjpeg")->capture_default_str();
  cmd->add_flag("--spherical", a->spherical,
                "interpolate two seed:N faces in Z along the sphere, then map (the path for random faces); photos "
                "and W+ codes morph linearly in W+, as Image2StyleGAN does");
  add_face_options(cmd, a->faces);
  add_output_options(cmd, a->output, "the morphed W+ code (.npy), or the video with --frames");
  commands.bind(cmd, [a] {
    Faces f = load_faces(a->faces);
    const Face fa = face_of(a->a, f, a->faces), fb = face_of(a->b, f, a->faces);
    const nn::StyleGan2& g = *f.models.generator;
    if (a->spherical && (!fa.z.defined() || !fb.z.defined()))
      throw Error("--spherical interpolates random faces in Z: give both faces as seed:N");
    const auto code_at = [&](double lambda) {
      if (!a->spherical) return edit::morph(fa.wplus, fb.wplus, lambda);
      torch::InferenceMode guard;
      const torch::Tensor z = edit::slerp(fa.z, fb.z, 1 - lambda);
      return g.to_wplus(g.mapping(z.to(g.device())), a->faces.truncation).to(torch::kCPU).clone();
    };
    if (a->frames == 0) {
      write_outputs(a->output, g, code_at(a->lambda), fa);
      std::cerr << "morphed " << a->a << " and " << a->b << " at λ " << a->lambda << " → " << a->output.out << "\n";
      return kOk;
    }
    if (a->output.paste && !fa.photo) throw Error("--paste needs A to be a photo");
    const cv::Mat first = render(g, code_at(1.0), fa, a->output.paste);
    video::VideoWriter writer(a->output.out, a->fps, first.size(), video::parse_codec(a->codec));
    for (int i = 0; i < a->frames; ++i) {
      const double lambda = 1.0 - static_cast<double>(i) / (a->frames - 1);
      writer.write(i == 0 ? first : render(g, code_at(lambda), fa, a->output.paste));
      std::cerr << "\rframe " << i + 1 << "/" << a->frames << std::flush;
    }
    writer.finish();
    std::cerr << "\nwrote " << a->frames << " frames (" << writer.codec_label() << ") → " << writer.path() << "\n";
    return kOk;
  });
}
FACET_CLI_COMMAND(register_morph);

void register_mix(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("mix", "Style mixing: layers of TARGET's code taken from SOURCE's");
  struct Args {
    FaceArgs faces;
    OutputArgs output;
    std::string target, source, layers = "coarse";
    double strength = 1;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("TARGET", a->target, "the face that is changed: photo, W+ code (.npy) or seed:N")->required();
  cmd->add_option("SOURCE", a->source, "the face the layers come from")->required();
  cmd->add_option("--layers", a->layers,
                  "coarse (0–3: pose, face shape), middle (4–7: features), fine (8+: colour, texture), all, or a "
                  "list like 0-3,6")
      ->capture_default_str();
  cmd->add_option("--strength", a->strength, "1 takes the layers whole; less moves them part of the way")
      ->capture_default_str();
  add_face_options(cmd, a->faces);
  add_output_options(cmd, a->output, "the mixed W+ code (.npy)");
  commands.bind(cmd, [a] {
    Faces f = load_faces(a->faces);
    const Face target = face_of(a->target, f, a->faces), source = face_of(a->source, f, a->faces);
    const auto mask = edit::mix_layer_preset(a->layers, f.models.generator->n_latent());
    write_outputs(a->output, *f.models.generator, edit::style_mix(target.wplus, source.wplus, mask, a->strength), target);
    std::cerr << "mixed layers " << a->layers << " of " << a->source << " into " << a->target << " → "
              << a->output.out << "\n";
    return kOk;
  });
}
FACET_CLI_COMMAND(register_mix);

void register_transfer_expression(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("transfer-expression",
                                  "Expression transfer: FACE + λ·(EXPRESSIVE − NEUTRAL), e.g. one person's smile");
  struct Args {
    FaceArgs faces;
    OutputArgs output;
    std::string face, neutral, expressive;
    double lambda = 1;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("FACE", a->face, "the face that gets the expression: photo, W+ code (.npy) or seed:N")->required();
  cmd->add_option("NEUTRAL", a->neutral, "a face without the expression (ideally the same person as EXPRESSIVE)")
      ->required();
  cmd->add_option("EXPRESSIVE", a->expressive, "the same face with the expression")->required();
  add_lambda_option(cmd, a->lambda, "how much of the change to apply");
  add_face_options(cmd, a->faces);
  add_output_options(cmd, a->output, "the resulting W+ code (.npy)");
  commands.bind(cmd, [a] {
    Faces f = load_faces(a->faces);
    const Face face = face_of(a->face, f, a->faces), neutral = face_of(a->neutral, f, a->faces),
               expressive = face_of(a->expressive, f, a->faces);
    write_outputs(a->output, *f.models.generator,
                  edit::expression_transfer(face.wplus, neutral.wplus, expressive.wplus, a->lambda), face);
    std::cerr << "moved " << a->face << " by λ " << a->lambda << " × (" << a->expressive << " − " << a->neutral
              << ") → " << a->output.out << "\n";
    return kOk;
  });
}
FACET_CLI_COMMAND(register_transfer_expression);

}  // namespace
}  // namespace facet::cli
