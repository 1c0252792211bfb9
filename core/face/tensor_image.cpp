#include "core/face/tensor_image.h"

#include <torch/torch.h>

#include "core/io/error.h"

namespace facet::face {

torch::Tensor bgr_to_tensor(const cv::Mat& bgr, const torch::Device& device) {
  if (bgr.empty() || bgr.type() != CV_8UC3) throw Error("bgr_to_tensor expects an 8-bit BGR image");
  const cv::Mat contiguous = bgr.isContinuous() ? bgr : bgr.clone();
  torch::Tensor t = torch::from_blob(contiguous.data, {contiguous.rows, contiguous.cols, 3}, torch::kUInt8);
  t = t.flip({2}).permute({2, 0, 1}).to(torch::kFloat32).div(127.5).sub(1.0).unsqueeze(0).contiguous();
  return t.to(device);
}

cv::Mat tensor_to_bgr(const torch::Tensor& image) {
  torch::Tensor t = image.dim() == 4 ? image[0] : image;
  if (t.dim() != 3 || t.size(0) != 3) throw Error("tensor_to_bgr expects a [3, H, W] tensor");
  torch::Tensor u8 = ((t.detach().to(torch::kCPU, torch::kFloat32).clamp(-1, 1) + 1) * 127.5)
                         .round().to(torch::kUInt8).flip({0}).permute({1, 2, 0}).contiguous();
  cv::Mat view(int(u8.size(0)), int(u8.size(1)), CV_8UC3, u8.data_ptr());
  return view.clone();
}

}  // namespace facet::face
