#include "core/video/timeline_renderer.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <torch/torch.h>

#include "core/edit/attributes.h"
#include "core/edit/edit_render.h"
#include "core/io/error.h"
#include "core/face/tensor_image.h"

namespace facet::video {

int timeline_frame_count(const Timeline& timeline, double fps) {
  if (!(fps > 0) || !std::isfinite(fps)) throw Error("timeline: frame rate must be a positive number");
  return static_cast<int>(std::floor(timeline.duration() * fps + 1e-9)) + 1;
}

edit::EditState to_edit_state(const EditSnapshot& snapshot, const std::vector<std::string>& attribute_ids,
                              double alpha_min, double alpha_max) {
  if (!attribute_ids.empty() && attribute_ids.size() != snapshot.alphas.size())
    throw Error("timeline: " + std::to_string(snapshot.alphas.size()) + " α values for " +
                std::to_string(attribute_ids.size()) + " attributes");
  edit::EditState state;
  state.alpha_min = alpha_min;
  state.alpha_max = alpha_max;
  state.edited_layers = snapshot.edited_layers;
  for (size_t i = 0; i < snapshot.alphas.size(); ++i) {
    if (snapshot.alphas[i] == 0.0f) continue;
    int index = static_cast<int>(i);  // no ids: the α vector is in CelebA order
    if (!attribute_ids.empty()) index = edit::require_attribute(attribute_ids[i]).index;
    state.edits.push_back({index, snapshot.alphas[i]});
  }
  return state;
}

std::vector<edit::TextEdit> to_text_edits(const EditSnapshot& snapshot, const std::vector<std::string>& text_ids,
                                          const std::vector<TimelineTextSlider>& sliders) {
  std::vector<edit::TextEdit> edits;
  for (size_t i = 0; i < snapshot.text_alphas.size() && i < text_ids.size(); ++i) {
    if (snapshot.text_alphas[i] == 0.0f) continue;
    const auto it = std::find_if(sliders.begin(), sliders.end(),
                                 [&](const TimelineTextSlider& s) { return s.id == text_ids[i]; });
    if (it == sliders.end() || !it->direction)
      throw Error("timeline: it moves the text slider '" + text_ids[i] + "', whose direction is missing");
    edits.push_back({it->direction, snapshot.text_alphas[i]});
  }
  return edits;
}

TimelineRenderStats render_timeline(const nn::StyleGan2& generator, const edit::Editor& editor,
                                    const torch::Tensor& wplus, const Timeline& timeline,
                                    const TimelineRenderOptions& options, const FrameSink& sink,
                                    const ProgressFn& progress, const std::atomic<bool>* cancel) {
  const auto start = std::chrono::steady_clock::now();
  if (timeline.empty()) throw Error("timeline: no keyframes to render (record some first)");
  if (options.size != 0 && (options.size < 4 || options.size > generator.size() ||
                            (options.size & (options.size - 1)) != 0))
    throw Error("timeline: frame size must be a power of two between 4 and " + std::to_string(generator.size()));
  torch::Tensor w = wplus;
  if (w.dim() == 2) w = w.unsqueeze(0);
  if (w.dim() != 3 || w.size(0) != 1 || w.size(1) != generator.n_latent() || w.size(2) != generator.style_dim())
    throw Error("timeline: the W+ code must be [1, " + std::to_string(generator.n_latent()) + ", " +
                std::to_string(generator.style_dim()) + "] for this generator");
  w = w.to(generator.device(), torch::kFloat32);

  TimelineRenderStats stats;
  stats.total = timeline_frame_count(timeline, options.fps);
  const int batch = std::max(1, options.batch);
  nn::SynthesisOptions synthesis;
  synthesis.noise = options.noise;
  synthesis.output_size = options.size;
  torch::NoGradGuard no_grad;
  for (int first = 0; first < stats.total; first += batch) {
    if (cancel && cancel->load()) {
      stats.cancelled = true;
      break;
    }
    const int n = std::min(batch, stats.total - first);
    std::vector<edit::TextEditedCode> edited;
    edited.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      const EditSnapshot snapshot = timeline.sample((first + i) / options.fps);
      edit::EditState state =
          to_edit_state(snapshot, timeline.attribute_ids(), timeline.alpha_min(), timeline.alpha_max());
      // As in the editor (edit::attribute_edits): attributes this editor cannot move stay still.
      state.edits.erase(std::remove_if(state.edits.begin(), state.edits.end(),
                                       [&](const edit::Edit& e) {
                                         return editor.method_for(e.attribute) == edit::EditMethod::None;
                                       }),
                        state.edits.end());
      const auto text = to_text_edits(snapshot, timeline.text_ids(), options.text_sliders);
      edit::TwoFaces two = options.two_faces;
      if (!snapshot.two_face.empty()) two.amount = snapshot.two_face[0];
      edited.push_back(edit::edit_code(generator, editor, w, state, text, two));
    }
    const torch::Tensor images =
        edit::synthesise_text_edited(generator, edit::stack_text_edited(generator, edited), synthesis);
    for (int i = 0; i < n; ++i) {
      sink(face::tensor_to_bgr(images[i]), first + i);
      ++stats.frames;
    }
    if (progress) progress(stats.frames, stats.total);
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace facet::video
