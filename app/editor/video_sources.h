#pragma once
// What the editor's video dialogs work with, made by the editor rather than the dialogs: the models and face a
// timeline renders to video with (the document's, so no second copy), and the models and face operations of a
// video edit (loaded inside the edit's job through the registry, as facet-cli edit-video loads them).
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

#include <QString>
#include <torch/types.h>

#include "core/edit/edit_stack.h"
#include "core/edit/two_faces.h"
#include "core/nn/stylegan2/generator.h"
#include "core/video/photo_paste.h"
#include "core/video/timeline.h"
#include "core/video/timeline_renderer.h"
#include "core/video/video_edit.h"

namespace facet::app {

class EditDocument;

struct TimelineRenderSource {
  std::shared_ptr<const nn::StyleGan2> generator;
  std::shared_ptr<const edit::Editor> editor;
  torch::Tensor wplus;  // the face's code [1, n_latent, style_dim]
  // The photo the face was aligned from and its paste-back (null when the face is not from a photo): enables
  // "Pasted into the photo".
  std::shared_ptr<const video::PhotoPaste> photo = nullptr;
  std::vector<video::TimelineTextSlider> textSliders = {};  // the text sliders the timeline may move
  edit::TwoFaces twoFaces = {};  // the morph, mix or expression transfer (its amount follows the timeline)
};
// The document's models, face, text sliders, photo paste-back and two-face operation; null without a face.
std::shared_ptr<const TimelineRenderSource> timelineRenderSource(const EditDocument& document);

struct VideoEditSetup {
  video::FaceOps face;
  video::VideoEditModels models;  // models.encode may be empty (no encoder installed): then refinement is needed
  // Image2StyleGAN per frame for `steps` steps (empty: refinement unavailable); cancel stops a frame early.
  std::function<video::VideoEditModels::RefineFn(int steps, const std::atomic<bool>* cancel)> makeRefiner;
  std::shared_ptr<void> keepAlive;  // owns whatever face/models point into
};
// The installed models (the encoder's decoder as generator, else the FFHQ generator alone; the transformers) and
// face operations (seamless: Poisson cloning instead of the feathered landmark mask). facet::Error saying what is
// missing. Blocks: call it inside a job.
std::shared_ptr<VideoEditSetup> installedVideoEditSetup(bool seamless);

class JobContext;

// How a video job ended, in words for its dialog.
struct VideoJobOutcome {
  bool ok = false;
  QString message;
};
// Edits the video `in` into `out` with what `makeSetup(seamless)` gives (made inside the job: it may load models),
// reporting progress; Cancel stops after the frame in progress and keeps the frames done (options.resume goes on
// from them).
VideoJobOutcome runVideoEdit(const std::function<std::shared_ptr<VideoEditSetup>(bool seamless)>& makeSetup,
                             bool seamless, video::VideoEditOptions options, const std::string& in,
                             const std::string& out, JobContext& context);
// Renders `timeline` of `source` to the video `out` at `fps`: side < 0 pasted into the photo (full-size frames),
// else the aligned crop at `side`; Cancel stops it and writes nothing.
VideoJobOutcome renderTimelineVideo(const TimelineRenderSource& source, const video::Timeline& timeline, double fps,
                                    int side, const std::string& out, const std::string& codec, JobContext& context);

}  // namespace facet::app
