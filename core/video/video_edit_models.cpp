#include "core/video/video_edit_models.h"

#include "core/io/error.h"
#include "core/models/model_registry.h"
#include "core/pipeline/photo_pipeline.h"
#include "core/video/frame_refine.h"

namespace facet::video {

VideoEditModelSet load_video_edit_models(const VideoEditModelFiles& files, const torch::Device& device) {
  if (files.generator.empty() && files.encoder.empty())
    throw Error("a video edit needs an encoder or a generator (Tools ▸ Models, or --generator)");
  VideoEditModelSet set;
  set.generator =
      models::load_generator(files.generator.empty() ? files.encoder : files.generator, device, files.lr_mlp);
  if (!files.encoder.empty()) {
    set.encoder = models::load_encoder(files.encoder, set.generator->device());
    if (set.encoder->n_styles() != set.generator->n_latent())
      throw Error(files.encoder + ": the encoder predicts " + std::to_string(set.encoder->n_styles()) +
                  " styles but the generator takes " + std::to_string(set.generator->n_latent()));
  }
  set.editor = models::load_editor(files.transformers, "", set.generator->device());
  return set;
}

VideoEditModels VideoEditModelSet::models(const embed::EmbedOptions& refine, embed::PerceptualLoss perceptual,
                                          const std::atomic<bool>* cancel) const {
  VideoEditModels out;
  out.generator = generator.get();
  out.editor = editor.get();
  out.encoder_size = pipeline::kEncoderInputSize;
  if (encoder) out.encode = [encoder = encoder](const torch::Tensor& crops) { return encoder->encode(crops); };
  if (refine.steps > 0) out.refine = make_frame_refiner(generator, std::move(perceptual), refine, cancel);
  return out;
}

}  // namespace facet::video
