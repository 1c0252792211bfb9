#pragma once
// Photo → faces → W+: the steps File ▸ Open runs on a pool thread (core/face for reading, detection and FFHQ
// alignment; the pSp/e4e encoder for the W+ code). Only built with FACET_WITH_VISION (core/face).
#include <atomic>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <torch/types.h>

#include "app/editor/model_registry.h"
#include "core/face/face_finder.h"
#include "core/face/ffhq_align.h"

namespace facet::ui {

struct PhotoFaces {
  cv::Mat photo;                    // BGR, EXIF orientation applied
  std::vector<face::Face> faces;    // largest first
};
// facet::Error for unreadable photos; no faces → empty list.
PhotoFaces findPhotoFaces(const std::string& path);

struct EmbeddedFace {
  face::AlignedFace aligned;  // 1024² FFHQ crop and its map back into the photo (paste-back)
  torch::Tensor wplus;        // [1, n_latent, dim] CPU; undefined when cancelled
};
// Aligns `chosen` and encodes it with the models' encoder. facet::Error when no encoder is installed (saying
// what to get) or its codes do not fit the generator.
EmbeddedFace embedFace(const app::EditorModels& models, const cv::Mat& photo, const face::Face& chosen,
                       const std::atomic<bool>& cancel);

}  // namespace facet::ui
