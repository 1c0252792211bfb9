#include "core/io/image.h"

#include <opencv2/imgcodecs.hpp>
#include <torch/torch.h>

#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::io {

void write_image(const std::string& path, const torch::Tensor& image, int jpeg_quality) {
  torch::Tensor t = image.dim() == 4 ? image[0] : image;
  if (t.dim() != 3 || t.size(0) != 3) throw Error("write_image expects a [3, H, W] tensor");
  // [-1, 1] → uint8 HWC, RGB → BGR for OpenCV.
  torch::Tensor u8 = ((t.detach().to(torch::kCPU, torch::kFloat32).clamp(-1, 1) + 1) * 127.5)
                         .round().to(torch::kUInt8).flip({0}).permute({1, 2, 0}).contiguous();
  cv::Mat mat(static_cast<int>(u8.size(0)), static_cast<int>(u8.size(1)), CV_8UC3, u8.data_ptr());
  const auto dot = path.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : path.substr(dot);
  std::vector<int> params;
  if (ext == ".jpg" || ext == ".jpeg") params = {cv::IMWRITE_JPEG_QUALITY, jpeg_quality};
  std::vector<uchar> bytes;
  bool ok = false;
  try {
    ok = cv::imencode(ext.empty() ? ".png" : ext, mat, bytes, params);
  } catch (const cv::Exception& e) {
    throw Error("cannot encode " + path + ": " + e.what());
  }
  if (!ok) throw Error("cannot encode " + path + " (unknown image type '" + ext + "'; use .png or .jpg)");
  write_file_atomic(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace facet::io
