#include "core/video/frame_convert.h"

#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "core/io/error.h"

namespace facet::video {

cv::Mat tensor_to_bgr(const torch::Tensor& image) {
  torch::Tensor chw = image.dim() == 4 ? image.squeeze(0) : image;
  if (chw.dim() != 3 || chw.size(0) != 3) throw Error("video: a frame must be a [3, H, W] RGB image tensor");
  const torch::Tensor hwc = ((chw.detach().to(torch::kCPU, torch::kFloat32).clamp(-1, 1) + 1) * 127.5)
                                .round().to(torch::kUInt8).permute({1, 2, 0}).contiguous();
  cv::Mat rgb(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)), CV_8UC3, hwc.data_ptr());
  cv::Mat bgr;
  cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);  // copies out of the tensor's memory
  return bgr;
}

torch::Tensor bgr_to_tensor(const cv::Mat& bgr) {
  if (bgr.empty() || bgr.type() != CV_8UC3) throw Error("video: a frame must be an 8-bit BGR image");
  cv::Mat rgb;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  torch::Tensor hwc = torch::from_blob(rgb.data, {rgb.rows, rgb.cols, 3}, torch::kUInt8).clone();
  return hwc.permute({2, 0, 1}).to(torch::kFloat32).div(127.5).sub(1).contiguous();
}

}  // namespace facet::video
