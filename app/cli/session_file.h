#pragma once
// A .facet session (core/session) as the video commands use it: the timeline and text sliders parsed, the W+
// path resolved against the session's folder.
#include <optional>
#include <string>
#include <vector>

#include "core/video/timeline.h"
#include "core/video/timeline_renderer.h"

namespace facet::cli {

struct SessionFile {
  std::string path;
  std::string photo;         // absolute photo path
  int face_index = 0;        // which detected face (detector order, largest first)
  std::string wplus;         // W+ .npy, resolved against the session's folder ("" = not embedded)
  torch::Tensor code;        // its W+ code [1, n_latent, dim] (undefined when not embedded)
  std::vector<float> alphas;
  std::vector<std::string> attributes;
  std::vector<std::string> models;
  std::vector<bool> edited_layers;  // empty: the default (0–10)
  std::optional<video::Timeline> timeline;  // the "timeline" object, when recorded
  std::vector<video::TimelineTextSlider> text_sliders;  // "text_sliders": the embedded directions, by slider id
  std::vector<float> text_alphas;                       // their α values, same order
  edit::TwoFaces two_faces;  // the two-face operation with the other faces' codes (mode none when there is none)
};

// facet::Error naming the file and the problem for anything missing or malformed.
SessionFile read_session_file(const std::string& path);

}  // namespace facet::cli
