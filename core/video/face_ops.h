#pragma once
// core/face behind the video pipeline's face callbacks: dlib detection + landmarks (following the same person from frame to frame), the official
// FFHQ quad, alignment on a quad, and paste-back with the landmark mask or seamless cloning.
#include <string>

#include "core/video/video_edit.h"

namespace facet::video {

// predictor: "" = the default dlib 68-point model; blend: "feather" or "seamless".
FaceOps make_face_ops(const std::string& predictor, const std::string& blend = "feather");

}  // namespace facet::video
