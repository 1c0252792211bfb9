#pragma once
// What is measured on a face in a photo (facet-cli analyze and identity, the editor's face analysis): it is aligned
// as FFHQ (as every generated face is), so photos and generated faces are measured on the same crop
// (faceapi::ffhq_face_box) by the same networks.
#include <optional>
#include <string>

#include <opencv2/core.hpp>
#include <torch/types.h>

#include "core/face/face_finder.h"
#include "core/nn/encoders/arcface.h"
#include "core/nn/faceapi/face_analyzer.h"

namespace facet::pipeline {

struct MeasuredFace {
  face::Face face;
  torch::Tensor aligned;        // [1, 3, 256, 256] in [-1, 1]
  nn::FaceAnalysis analysis;    // face-api's networks on the face box of the aligned crop
  torch::Tensor arcface;        // [512] when ArcFace is loaded, else undefined
};

// The aligned crop's measurements. `arcface` may be null (model not installed).
MeasuredFace measure_face(const cv::Mat& photo, const face::Face& face, const nn::FaceAnalyzer& analyzer,
                          const nn::ArcFace* arcface);

}  // namespace facet::pipeline
