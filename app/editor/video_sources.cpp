#include "app/editor/video_sources.h"

#include <algorithm>

#include <QCoreApplication>
#include <QStringList>

#include "app/editor/edit_document.h"
#include "app/editor/error_text.h"
#include "app/editor/job_runner.h"
#include "app/editor/photo_face.h"
#include "app/editor/text_slider_set.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"
#include "core/video/face_ops.h"
#include "core/video/timeline_video.h"
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

namespace {
QString tr(const char* text) { return QCoreApplication::translate("VideoJobs", text); }
}  // namespace

VideoJobOutcome runVideoEdit(const std::function<std::shared_ptr<VideoEditSetup>(bool seamless)>& makeSetup,
                             bool seamless, video::VideoEditOptions options, const std::string& in,
                             const std::string& out, JobContext& context) {
  context.setCancelKeepsResult(true);  // the dialog hears how far the edit got
  try {
    std::shared_ptr<VideoEditSetup> setup = makeSetup(seamless);
    if (!setup) return {false, tr("Video editing is not available in this build.")};
    if (options.refine_steps > 0) {
      if (!setup->makeRefiner) return {false, tr("Per-frame optimisation is not available in this build.")};
      setup->models.refine = setup->makeRefiner(options.refine_steps, context.stopFlag());
    } else if (!setup->models.encode) {
      return {false, tr("No encoder is installed (Tools ▸ Models): set “Optimise each frame” to embed the frames by "
                        "optimisation alone.")};
    }
    context.setText(tr("Tracking the face…"));
    const auto report = video::edit_video(
        in, out, setup->face, setup->models, options,
        [&context](const std::string& stage, int d, int total) {
          const QString text = stage == "track"  ? tr("Tracking the face: frame %1").arg(d)
                               : stage == "join" ? tr("Writing the video: frame %1").arg(d)
                                                 : tr("Editing: frame %1").arg(d);
          context.progress(d, std::max(total, 0), text);
        },
        context.stopFlag());
    if (report.cancelled)
      return {false, tr("Cancelled after %1 frames. They are kept: tick “Resume” and start again to continue.")
                         .arg(report.frames)};
    QStringList missing;
    for (int f : report.frames_without_face) missing << QString::number(f);
    QString message = tr("Wrote %1 frames (%2 edited) to %3 at %4 frames per second. Jitter %5 → %6 px. %7")
                          .arg(report.frames).arg(report.edited).arg(QString::fromStdString(report.out))
                          .arg(report.fps(), 0, 'f', 2).arg(report.jitter_before, 0, 'f', 2)
                          .arg(report.jitter_after, 0, 'f', 2).arg(QString::fromStdString(report.audio));
    if (!missing.isEmpty()) message += tr(" No face (passed through): frames %1.").arg(missing.join(", "));
    if (report.resumed_frames > 0) message += tr(" %1 frames came from the interrupted run.").arg(report.resumed_frames);
    if (report.refined > 0)
      message += tr(" %1 frames optimised; the face changes by %2 levels per frame.")
                     .arg(report.refined).arg(report.face_jitter, 0, 'f', 2);
    return {true, message};
  } catch (const std::exception& e) {
    return {false, errorText(e)};
  }
}

VideoJobOutcome renderTimelineVideo(const TimelineRenderSource& source, const video::Timeline& timeline, double fps,
                                    int side, const std::string& out, const std::string& codec, JobContext& context) {
  context.setCancelKeepsResult(true);  // Cancel stops the render and the dialog says so
  try {
    video::TimelineRenderOptions options;
    options.fps = fps;
    const bool pasted = side < 0;  // into the photo: full-size frames
    options.size = pasted || side == static_cast<int>(source.generator->size()) ? 0 : side;
    options.text_sliders = source.textSliders;
    options.two_faces = source.twoFaces;
    const auto result = video::render_timeline_video(
        out, video::parse_codec(codec), *source.generator, *source.editor, source.wplus, timeline, options,
        pasted ? source.photo.get() : nullptr, [&context](int d, int total) { context.progress(d, total); },
        context.stopFlag());
    const auto& stats = result.stats;
    if (stats.cancelled)
      return {false, tr("Cancelled after %1 of %2 frames; nothing was written.").arg(stats.frames).arg(stats.total)};
    return {true, tr("Wrote %1 frames (%2, %3 × %4) to %5 at %6 frames per second.")
                      .arg(stats.frames).arg(QString::fromStdString(result.codec))
                      .arg(result.size.width).arg(result.size.height)
                      .arg(QString::fromStdString(result.out)).arg(stats.fps(), 0, 'f', 1)};
  } catch (const std::exception& e) {
    return {false, errorText(e)};
  }
}

}  // namespace facet::app
