#pragma once
// Renders a slider timeline to frames: for each frame time t = i / fps, sample the timeline, turn the α vector into
// an EditState, apply the edit stack to the W+ code and synthesise. Frames are generated in small batches on the
// generator's device. The caller gets each frame (BGR) through a sink, progress through a callback, and may cancel
// at any time through an atomic flag (checked between batches).
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <torch/types.h>

#include "core/edit/edit_stack.h"
#include "core/edit/text_edits.h"
#include "core/edit/two_faces.h"
#include "core/nn/stylegan2/generator.h"
#include "core/video/timeline.h"

namespace facet::video {

// A text slider the timeline may move: its id (Timeline::text_ids) and the direction behind it.
struct TimelineTextSlider {
  std::string id;
  std::shared_ptr<const edit::TextDirection> direction;
};

struct TimelineRenderOptions {
  double fps = 25;
  int size = 0;        // output frame side in pixels; 0 = the generator's size (a smaller power of two is cheaper)
  int batch = 4;       // frames per generator call
  nn::NoiseMode noise = nn::NoiseMode::Const;
  std::vector<TimelineTextSlider> text_sliders;  // applied after the attribute edits, as in the editor
  // The two-face operation, applied first as in the editor; a timeline that records the two-face amount sets its
  // amount frame by frame (a morph video from λ = 1 to λ = 0 is a timeline of two keyframes).
  edit::TwoFaces two_faces;
};

// A snapshot's text α values → text edits, matched by id. facet::Error when the timeline moves a text slider
// (α ≠ 0) that `sliders` does not have.
std::vector<edit::TextEdit> to_text_edits(const EditSnapshot& snapshot, const std::vector<std::string>& text_ids,
                                          const std::vector<TimelineTextSlider>& sliders);

struct TimelineRenderStats {
  int frames = 0;         // frames delivered to the sink
  int total = 0;          // frames the timeline needs at this rate
  double seconds = 0;     // wall time of the whole render
  bool cancelled = false;
  double fps() const { return seconds > 0 ? frames / seconds : 0; }
};

using FrameSink = std::function<void(const cv::Mat& bgr, int index)>;
using ProgressFn = std::function<void(int done, int total)>;

int timeline_frame_count(const Timeline& timeline, double fps);  // frames covering [0, duration], at least 1

// α vector (catalogue order, named by attribute ids) → the edit stack's state. Zero α entries are skipped, so a
// timeline only needs transformers for the attributes it moves. facet::Error for an unknown attribute id.
edit::EditState to_edit_state(const EditSnapshot& snapshot, const std::vector<std::string>& attribute_ids,
                              double alpha_min = -3, double alpha_max = 3);

TimelineRenderStats render_timeline(const nn::StyleGan2& generator, const edit::Editor& editor,
                                    const torch::Tensor& wplus, const Timeline& timeline,
                                    const TimelineRenderOptions& options, const FrameSink& sink,
                                    const ProgressFn& progress = {}, const std::atomic<bool>* cancel = nullptr);

}  // namespace facet::video
