#include "app/cli/apply_photo.h"

#include <chrono>

#include "app/cli/face_json.h"
#include "core/edit/edit_render.h"
#include "core/face/photo.h"
#include "core/face/tensor_image.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/models/model_registry.h"
#include "core/nn/stylegan2/wplus_file.h"
#include "core/pipeline/face_measure.h"
#include "core/pipeline/photo_pipeline.h"

namespace facet::cli {

void add_apply_options(CLI::App* cmd, ApplyArgs& a) {
  add_generator_options(cmd, a.generator, /*required=*/false);
  cmd->add_option("--encoder", a.encoder, "pSp/e4e checkpoint (its decoder serves when --generator is omitted)");
  cmd->add_option("--wplus", a.wplus, "use this W+ code (.npy, e.g. from an embedding) instead of --encoder");
  cmd->add_option("--refine", a.refine, "Image2StyleGAN steps after the encoder (pixel loss; 0: encoder only)")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  add_edit_options(cmd, a.edit, /*alpha_required=*/false);
  cmd->add_option("--face", a.face, "which face, 0 = the largest")->capture_default_str();
  cmd->add_option("--mode", a.mode, "blend: feather (landmark-hull mask) or seamless (Poisson)")->capture_default_str();
  cmd->add_option("--dilate", a.composite.dilate_px, "mask growth, px of a 1024² crop")->capture_default_str();
  cmd->add_option("--blur", a.composite.blur_px, "feather width, px of a 1024² crop")->capture_default_str();
  cmd->add_option("--forehead", a.composite.forehead, "raise the mask above the brows (fraction of face height)")
      ->capture_default_str();
  cmd->add_option("--noise", a.noise, "generator noise: const, random or zero")->capture_default_str();
  cmd->add_option("--quality", a.quality, "JPEG quality")->capture_default_str();
  cmd->add_option("--predictor", a.predictor, "dlib 68-point shape predictor (.dat)");
}

nlohmann::json apply_settings(const ApplyArgs& a) {
  return {{"generator", a.generator.file},
          {"encoder", a.encoder},
          {"wplus", a.wplus},
          {"refine", a.refine},
          {"transformers", a.edit.transformers},
          {"attrs", a.edit.attrs},
          {"transformers_dir", a.edit.transformers_dir},
          {"directions", a.edit.directions},
          {"alphas", a.edit.alphas},
          {"layers", a.edit.layers},
          {"alpha_range", {a.edit.alpha_min, a.edit.alpha_max}},
          {"face", a.face},
          {"mode", a.mode},
          {"dilate", a.composite.dilate_px},
          {"blur", a.composite.blur_px},
          {"forehead", a.composite.forehead},
          {"noise", a.noise},
          {"quality", a.quality},
          {"predictor", a.predictor}};
}

ApplyArgs with_item_options(const ApplyArgs& batch, const nlohmann::json& options) {
  ApplyArgs a = batch;
  for (const auto& [key, value] : options.items()) {
    try {
      if (key == "alpha") {
        a.edit.alphas = value.is_array() ? value.get<std::vector<double>>() : std::vector<double>{value.get<double>()};
      } else if (key == "face") {
        a.face = value.get<int>();
      } else if (key == "mode") {
        a.mode = value.get<std::string>();
      } else if (key == "wplus") {
        a.wplus = value.get<std::string>();
        a.encoder.clear();
      } else if (key == "dilate") {
        a.composite.dilate_px = value.get<int>();
      } else if (key == "blur") {
        a.composite.blur_px = value.get<int>();
      } else if (key == "forehead") {
        a.composite.forehead = value.get<double>();
      } else if (key == "noise") {
        a.noise = value.get<std::string>();
      } else if (key == "quality") {
        a.quality = value.get<int>();
      } else if (key == "layers") {
        a.edit.layers = value.get<std::string>();
      } else {
        throw Error("unknown per-photo option \"" + key +
                    "\" (a manifest line may set alpha, face, mode, wplus, dilate, blur, forehead, noise, quality, "
                    "layers)");
      }
    } catch (const nlohmann::json::exception&) {
      throw Error("per-photo option \"" + key + "\" has the wrong type: " + value.dump());
    }
  }
  return a;
}

ApplyModels load_apply_models(const ApplyArgs& a) {
  if (a.encoder.empty() && a.wplus.empty()) throw Error("give --encoder E.pt (pSp/e4e) or --wplus W.npy");
  if (!a.encoder.empty() && !a.wplus.empty()) throw Error("give either --encoder or --wplus, not both");
  if (a.generator.file.empty() && a.encoder.empty())
    throw Error("give --generator G.pt (or a pSp/e4e --encoder, whose decoder is the generator)");
  if (a.refine > 0 && a.encoder.empty()) throw Error("--refine refines the encoder's code: give --encoder");
  ApplyModels m;
  GeneratorArgs gargs = a.generator;
  if (gargs.file.empty()) gargs.file = a.encoder;
  m.generator = load_generator(gargs);
  if (!a.encoder.empty()) m.encoder = facet::models::load_encoder(a.encoder, m.generator->device());
  return m;
}

nlohmann::json apply_photo(const ApplyArgs& a, const ApplyModels& models, const std::string& photo,
                           const std::string& out, int* detected) {
  using clock = std::chrono::steady_clock;
  const auto since = [](clock::time_point t) { return std::chrono::duration<double>(clock::now() - t).count(); };
  check_not_input(out, photo);
  face::CompositeOptions composite = a.composite;
  composite.mode = face::parse_composite_mode(a.mode);
  const auto& generator = *models.generator;
  const torch::Device device = generator.device();
  nlohmann::json seconds;

  auto t = clock::now();
  const pipeline::PhotoFaces found = pipeline::find_faces(photo, a.predictor);
  if (detected) *detected = static_cast<int>(found.faces.size());
  const face::Face& chosen = pipeline::choose_face(found.faces, a.face, photo);
  seconds["detect"] = since(t);

  t = clock::now();
  pipeline::EmbeddedFace embedded;
  if (!a.wplus.empty()) {
    embedded.aligned = pipeline::align_face(found.photo, chosen, static_cast<int>(generator.size()));
    embedded.wplus = nn::read_wplus_file(a.wplus, generator);
  } else {
    if (!models.encoder) throw Error("this photo needs --encoder (the batch was started with --wplus)");
    pipeline::EmbedModels em;
    em.generator = models.generator;
    em.encoder = models.encoder;
    pipeline::EmbedSettings settings;
    settings.refine_steps = a.refine;
    embedded = pipeline::embed_face(found.photo, chosen, em, settings);
  }
  seconds["embed"] = since(t);

  torch::NoGradGuard no_grad;
  t = clock::now();
  EditSetup setup = make_edit(a.edit, generator.n_latent(), /*allow_none=*/true);
  const torch::Tensor w = embedded.wplus.to(device);
  const edit::TextEditedCode edited = edit::edit_code(generator, setup.editor, w, setup.state);
  if (!a.save_wplus.empty()) io::write_npy(a.save_wplus, edited.wplus.to(torch::kCPU));
  nn::SynthesisOptions synthesis;
  synthesis.noise = parse_noise(a.noise);
  const cv::Mat generated = face::tensor_to_bgr(edit::synthesise_text_edited(generator, edited, synthesis));
  seconds["edit_render"] = since(t);

  t = clock::now();
  const cv::Mat result = pipeline::paste(found.photo, embedded.aligned, generated, composite);
  face::write_photo(out, result, a.quality);
  seconds["paste_write"] = since(t);

  nlohmann::json identity = nullptr;
  if (models.analyzer) {
    // The edited face sits where the original was, so the same landmarks crop both.
    t = clock::now();
    const auto before = pipeline::measure_face(found.photo, chosen, *models.analyzer, nullptr);
    const auto after = pipeline::measure_face(result, chosen, *models.analyzer, nullptr);
    identity = nn::identity_score(nn::descriptor_distance(before.analysis.descriptor, after.analysis.descriptor));
    seconds["identity"] = since(t);
  }
  return {{"photo", photo},
          {"out", out},
          {"width", found.photo.cols},
          {"height", found.photo.rows},
          {"faces", found.faces.size()},
          {"face", face_to_json(chosen)},
          {"alignment", alignment_to_json(embedded.aligned)},
          {"wplus_shape", {edited.wplus.size(0), edited.wplus.size(1), edited.wplus.size(2)}},
          {"edits", setup.state.edits.size()},
          {"mode", a.mode},
          {"identity_score", identity},
          {"seconds", seconds}};
}

}  // namespace facet::cli
