// facet-cli apply: photo in, edited photo out — detect, align (FFHQ), encode to W+ (pSp/e4e) or take a given W+,
// edit with latent transformers, render with StyleGAN2 and paste the face back into the photo.
#include <chrono>
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/edit_options.h"
#include "app/cli/face_json.h"
#include "app/cli/generator_options.h"
#include "core/edit/edit_render.h"
#include "core/face/photo.h"
#include "core/face/tensor_image.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/models/model_registry.h"
#include "core/nn/stylegan2/wplus_file.h"
#include "core/pipeline/photo_pipeline.h"

namespace facet::cli {
namespace {

struct ApplyArgs {
  std::string photo, out, encoder, wplus, predictor, mode = "feather", noise = "const", save_wplus;
  GeneratorArgs generator;
  EditArgs edit;
  int face = 0, quality = 95;
  face::CompositeOptions composite;
  bool json = false;
};

void register_apply(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("apply", "Edit the face in a photo: align, embed in W+, edit, render, paste back");
  auto a = std::make_shared<ApplyArgs>();
  cmd->add_option("photo", a->photo, "the photo to edit")->required();
  cmd->add_option("--out", a->out, "edited photo (.jpg/.png); never the input")->required();
  add_generator_options(cmd, a->generator, /*required=*/false);
  cmd->add_option("--encoder", a->encoder, "pSp/e4e checkpoint (its decoder serves when --generator is omitted)");
  cmd->add_option("--wplus", a->wplus, "use this W+ code (.npy, e.g. from an embedding) instead of --encoder");
  add_edit_options(cmd, a->edit, /*alpha_required=*/false);
  cmd->add_option("--face", a->face, "which face, 0 = the largest")->capture_default_str();
  cmd->add_option("--mode", a->mode, "blend: feather (landmark-hull mask) or seamless (Poisson)")->capture_default_str();
  cmd->add_option("--dilate", a->composite.dilate_px, "mask growth, px of a 1024² crop")->capture_default_str();
  cmd->add_option("--blur", a->composite.blur_px, "feather width, px of a 1024² crop")->capture_default_str();
  cmd->add_option("--forehead", a->composite.forehead, "raise the mask above the brows (fraction of face height)")
      ->capture_default_str();
  cmd->add_option("--noise", a->noise, "generator noise: const, random or zero")->capture_default_str();
  cmd->add_option("--quality", a->quality, "JPEG quality")->capture_default_str();
  cmd->add_option("--predictor", a->predictor, "dlib 68-point shape predictor (.dat)");
  cmd->add_option("--save-wplus", a->save_wplus, "also write the edited W+ (.npy)");
  cmd->add_flag("--json", a->json, "print the face, alignment, shapes and timings as JSON");
  commands.bind(cmd, [a] {
    using clock = std::chrono::steady_clock;
    const auto since = [](clock::time_point t) { return std::chrono::duration<double>(clock::now() - t).count(); };
    if (a->encoder.empty() && a->wplus.empty()) throw Error("give --encoder E.pt (pSp/e4e) or --wplus W.npy");
    if (!a->encoder.empty() && !a->wplus.empty()) throw Error("give either --encoder or --wplus, not both");
    if (a->generator.file.empty() && a->encoder.empty())
      throw Error("give --generator G.pt (or a pSp/e4e --encoder, whose decoder is the generator)");
    check_not_input(a->out, a->photo);
    a->composite.mode = face::parse_composite_mode(a->mode);
    nlohmann::json seconds;

    auto t = clock::now();
    const pipeline::PhotoFaces found = pipeline::find_faces(a->photo, a->predictor);
    const face::Face& chosen = pipeline::choose_face(found.faces, a->face, a->photo);
    seconds["detect"] = since(t);

    t = clock::now();
    GeneratorArgs gargs = a->generator;
    if (gargs.file.empty()) gargs.file = a->encoder;
    const auto generator = load_generator(gargs);
    const torch::Device device = generator->device();
    seconds["load_generator"] = since(t);

    t = clock::now();
    pipeline::EmbeddedFace embedded;
    if (!a->wplus.empty()) {
      embedded.aligned = pipeline::align_face(found.photo, chosen, static_cast<int>(generator->size()));
      embedded.wplus = nn::read_wplus_file(a->wplus, *generator);
    } else {
      pipeline::EmbedModels models;
      models.generator = generator;
      models.encoder = facet::models::load_encoder(a->encoder, device);
      embedded = pipeline::embed_face(found.photo, chosen, models);
    }
    seconds["embed"] = since(t);

    torch::NoGradGuard no_grad;
    t = clock::now();
    EditSetup setup = make_edit(a->edit, generator->n_latent(), /*allow_none=*/true);
    const torch::Tensor w = embedded.wplus.to(device);
    const edit::TextEditedCode edited = edit::edit_code(*generator, setup.editor, w, setup.state);
    if (!a->save_wplus.empty()) io::write_npy(a->save_wplus, edited.wplus.to(torch::kCPU));
    nn::SynthesisOptions synthesis;
    synthesis.noise = parse_noise(a->noise);
    const cv::Mat generated = face::tensor_to_bgr(edit::synthesise_text_edited(*generator, edited, synthesis));
    seconds["edit_render"] = since(t);

    t = clock::now();
    const cv::Mat result = pipeline::paste(found.photo, embedded.aligned, generated, a->composite);
    face::write_photo(a->out, result, a->quality);
    seconds["paste_write"] = since(t);

    if (a->json) {
      print_json({{"photo", a->photo},
                  {"out", a->out},
                  {"width", found.photo.cols},
                  {"height", found.photo.rows},
                  {"faces", found.faces.size()},
                  {"face", face_to_json(chosen)},
                  {"alignment", alignment_to_json(embedded.aligned)},
                  {"wplus_shape", {edited.wplus.size(0), edited.wplus.size(1), edited.wplus.size(2)}},
                  {"edits", setup.state.edits.size()},
                  {"mode", a->mode},
                  {"seconds", seconds}});
    } else {
      std::cerr << "edited face " << a->face << " of " << a->photo << " with " << setup.state.edits.size()
                << " edit(s) → " << a->out << "\n";
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_apply);

}  // namespace
}  // namespace facet::cli
