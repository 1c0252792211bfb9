#pragma once
// Puts a generated (edited) aligned face back into the photo it came from: inverse of the FFHQ alignment,
// blended through a feathered mask from the landmark hull or by Poisson (seamless) cloning. The photo keeps its
// size and orientation; pixels away from the face are untouched.
#include <opencv2/core.hpp>

#include "core/face/ffhq_align.h"

namespace facet::face {

struct CompositeOptions {
  enum class Mode { Feather, Seamless } mode = Mode::Feather;
  // Sizes in pixels of a 1024² aligned crop, scaled to the actual crop size, so one setting suits every generator.
  int dilate_px = 24;  // the landmark hull grows by this much before blurring
  int blur_px = 96;    // width of the feathered edge (Gaussian, σ = blur_px / 4)
  // Raises the eyebrow points by this fraction of the brow-to-chin height, so the forehead is included.
  double forehead = 0.15;
};

// The blend mask in aligned-crop coordinates (float 0…1, output_size²) that paste_back uses.
cv::Mat face_mask(const AlignedFace& aligned, const CompositeOptions& options = {});

// generated: any size square BGR (resized to the aligned size); returns the photo with the face pasted back.
cv::Mat paste_back(const cv::Mat& photo, const cv::Mat& generated, const AlignedFace& aligned,
                   const CompositeOptions& options = {});

// The aligned crop (or any aligned-size image) warped back into photo coordinates, inside `region` only;
// also the mask warped the same way (float 0…1). Used by paste_back and by tests of the round trip.
struct Unaligned {
  cv::Rect region;  // in photo pixels
  cv::Mat image;    // region-sized BGR uint8
  cv::Mat mask;     // region-sized float
};
Unaligned unalign(const cv::Mat& aligned_image, const AlignedFace& aligned, const cv::Mat& aligned_mask);

CompositeOptions::Mode parse_composite_mode(const std::string& text);  // "feather" | "seamless"

}  // namespace facet::face
