#pragma once
// The face box of an FFHQ-aligned image (every generated face is one) and its crop as face-api input.
//
// FFHQ alignment maps a quad of side 4·|eye_to_eye| (for typical faces, where 2·|eye_to_eye| exceeds
// 1.8·|eye_to_mouth|) onto the S×S output, centred 0.1·|eye_to_mouth| below the eyes' midpoint. So the eyes sit
// S/4 apart around (0.5 S, 0.475 S) and the mouth near 0.72 S. face-api's networks were trained on detector
// boxes that reach from the brows to the chin and just past the outer eye corners: the box below.
#include <cstdint>

#include <torch/types.h>

namespace facet::nn::faceapi {

struct FaceBox {
  int64_t x = 0, y = 0, width = 0, height = 0;
};

// The face box of an S×S FFHQ-aligned image.
FaceBox ffhq_face_box(int64_t size);

// image: one generated image [3, S, S] (or [1, 3, S, S]) in [-1, 1] → the face box as RGB [h, w, 3] float 0–255
// (FaceAnalyzer's input). Throws facet::Error on a non-square image.
torch::Tensor ffhq_face_crop(const torch::Tensor& image);

}  // namespace facet::nn::faceapi
