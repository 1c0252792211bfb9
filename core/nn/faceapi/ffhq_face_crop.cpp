#include "core/nn/faceapi/ffhq_face_crop.h"

#include <cmath>

#include <torch/torch.h>

#include "core/io/error.h"

namespace facet::nn::faceapi {

FaceBox ffhq_face_box(int64_t size) {
  // Fractions of S from the geometry in the header: 0.58 S wide (2.3 eye distances) centred on the face,
  // from 0.29 S (brows) to 0.87 S (chin).
  auto at = [size](double fraction) { return static_cast<int64_t>(std::lround(fraction * static_cast<double>(size))); };
  FaceBox box;
  box.x = at(0.21);
  box.y = at(0.29);
  box.width = at(0.79) - box.x;
  box.height = at(0.87) - box.y;
  return box;
}

torch::Tensor ffhq_face_crop(const torch::Tensor& image) {
  torch::Tensor chw = image.dim() == 4 ? image.squeeze(0) : image;
  if (chw.dim() != 3 || chw.size(0) != 3 || chw.size(1) != chw.size(2))
    throw Error("ffhq_face_crop expects one square RGB image [3, S, S]");
  const FaceBox box = ffhq_face_box(chw.size(1));
  torch::Tensor crop = chw.slice(1, box.y, box.y + box.height).slice(2, box.x, box.x + box.width);
  return ((crop.to(torch::kCPU, torch::kFloat32).clamp(-1, 1) + 1) * 127.5).permute({1, 2, 0}).contiguous();
}

}  // namespace facet::nn::faceapi
