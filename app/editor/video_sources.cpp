#include "app/editor/video_sources.h"

#include "app/editor/edit_document.h"
#include "app/editor/photo_face.h"
#include "app/editor/text_slider_set.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"
#include "core/video/face_ops.h"
#include "core/video/video_edit_models.h"

namespace facet::app {

std::shared_ptr<const TimelineRenderSource> timelineRenderSource(const EditDocument& document) {
  const auto models = document.models();
  if (!models || !document.hasFace()) return nullptr;
  auto source = std::make_shared<TimelineRenderSource>();
  source->generator = models->generator;
  source->editor = models->editor;
  source->wplus = document.wplus();
  for (const TextSlider& t : document.textSliders()->sliders())
    source->textSliders.push_back({t.id.toStdString(), t.direction});
  if (const auto photo = document.photoFace()) source->photo = photo->videoPaste;
  if (const auto two = document.twoFaces().toEdit()) source->twoFaces = *two;
  return source;
}

std::shared_ptr<VideoEditSetup> installedVideoEditSetup(bool seamless) {
  video::VideoEditModelFiles files;
  files.encoder = models::find_role_file(models::Role::Encoder);
  if (files.encoder.empty()) files.generator = models::require_role_file(models::Role::Generator);
  files.transformers = models::require_role_file(models::Role::Transformers);
  auto set = std::make_shared<video::VideoEditModelSet>(video::load_video_edit_models(files, models::choose_device("auto")));
  auto setup = std::make_shared<VideoEditSetup>();
  setup->face = video::make_face_ops("", seamless ? "seamless" : "feather");
  embed::EmbedOptions encoderOnly;
  encoderOnly.steps = 0;
  setup->models = set->models(encoderOnly, {}, nullptr);
  setup->makeRefiner = [set](int steps, const std::atomic<bool>* cancel) {
    // LPIPS when its files are in the models folder, VGG-16 features with VGG alone, else the pixel loss.
    std::string note;
    embed::EmbedOptions options;
    options.steps = steps;
    return set->models(options, models::load_perceptual("auto", set->generator->device(), note), cancel).refine;
  };
  setup->keepAlive = set;
  return setup;
}

}  // namespace facet::app
