#pragma once
// Pillow's resampling, reproduced to the integer: FFHQ alignment is defined by what PIL does, and StyleGAN2's
// encoders were trained on faces aligned that way. 8-bit 3-channel images; the channel order does not matter.
#include <array>

#include <opencv2/core.hpp>

namespace facet::face {

// Image.resize(size, Image.LANCZOS) ("ANTIALIAS"): separable Lanczos-3 widened by the scale when shrinking,
// 22-bit fixed-point weights, horizontal pass then vertical, each rounded to 8 bits.
cv::Mat pil_resize_lanczos(const cv::Mat& image, cv::Size size);

// Image.transform((size, size), Image.QUAD, data, Image.BILINEAR): `data` is the source quad NW, SW, SE, NE
// in Pillow's pixel-edge coordinates (pixel centres at +0.5). Samples falling outside the image are black;
// values are truncated to 8 bits as Pillow does.
cv::Mat pil_quad_transform_bilinear(const cv::Mat& image, int size, const std::array<cv::Point2d, 4>& data);

}  // namespace facet::face
