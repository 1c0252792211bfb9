#pragma once
// FFHQ alignment exactly as the official ffhq-dataset `recreate_aligned_images`: an oriented square from the eyes
// and mouth, shrink for large faces, crop, reflect padding blended towards a blur and the median colour, a
// bilinear quad transform at transform_size, then an antialiased resize to the generator's size (METHOD.md).
// Every step's geometry is kept as one matrix so the compositor can put the generated face back.
#include <array>
#include <vector>

#include <opencv2/core.hpp>

namespace facet::face {

// The official oriented crop square NW, SW, SE, NE (c−x−y, c−x+y, c+x+y, c+x−y) in photo pixels.
std::array<cv::Point2f, 4> ffhq_quad(const std::vector<cv::Point2f>& landmarks68);

struct AlignOptions {
  int transform_size = 0;       // the quad is sampled at this size first; 0 → 4 × output (official 4096 for 1024)
  bool enable_padding = true;   // reflect padding where the square leaves the photo (official default)
  double min_face_size = 40;    // squares smaller than this (photo pixels) are refused: too little to embed
};

struct AlignedFace {
  cv::Mat image;                       // output_size² BGR uint8
  cv::Matx33d aligned_to_photo;        // maps aligned-crop pixel coords → original photo pixel coords
  std::array<cv::Point2f, 4> quad;     // in photo coordinates
  std::vector<cv::Point2f> landmarks;  // the 68 landmarks mapped into aligned-crop coordinates
  // Extras: the official steps' parameters.
  int output_size = 0;
  int transform_size = 0;
  double quad_size = 0;                // qsize: side of the square in photo pixels
  int shrink = 1;                      // integer shrink applied to the photo first (1: none)
  cv::Rect crop;                       // crop in the (shrunk) photo
  cv::Vec4i pad{0, 0, 0, 0};           // left, top, right, bottom padding added after the crop
  cv::Size photo_size;                 // the photo the face came from

  cv::Matx33d photo_to_aligned() const { return aligned_to_photo.inv(); }
};

AlignedFace align_ffhq(const cv::Mat& photo, const std::vector<cv::Point2f>& landmarks68, int output_size = 1024,
                       const AlignOptions& options = {});
AlignedFace align_quad(const cv::Mat& photo, const std::array<cv::Point2f, 4>& quad, int output_size = 1024,
                       const AlignOptions& options = {});

// Applies a 3×3 (affine or projective) matrix to points.
std::vector<cv::Point2f> transform_points(const cv::Matx33d& m, const std::vector<cv::Point2f>& points);

}  // namespace facet::face
