#include "core/face/compositor.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>

#include "core/io/error.h"

namespace facet::face {
namespace {

cv::Matx23d affine_part(const cv::Matx33d& m) {
  return cv::Matx23d(m(0, 0), m(0, 1), m(0, 2), m(1, 0), m(1, 1), m(1, 2));
}

cv::Mat to_size(const cv::Mat& image, int size) {
  if (image.rows == size && image.cols == size) return image;
  cv::Mat out;
  cv::resize(image, out, cv::Size(size, size), 0, 0, image.rows > size ? cv::INTER_AREA : cv::INTER_CUBIC);
  return out;
}

}  // namespace

CompositeOptions::Mode parse_composite_mode(const std::string& text) {
  if (text == "feather") return CompositeOptions::Mode::Feather;
  if (text == "seamless") return CompositeOptions::Mode::Seamless;
  throw Error("unknown blend mode '" + text + "' (use feather or seamless)");
}

cv::Mat face_mask(const AlignedFace& aligned, const CompositeOptions& options) {
  const int size = aligned.output_size > 0 ? aligned.output_size : aligned.image.rows;
  if (size <= 0) throw Error("face mask: the aligned face is empty");
  const double unit = size / 1024.0;
  cv::Mat hard(size, size, CV_8U, cv::Scalar(0));
  if (aligned.landmarks.size() == 68) {
    std::vector<cv::Point2f> points = aligned.landmarks;
    const float lift = float(options.forehead * cv::norm(aligned.landmarks[8] - aligned.landmarks[27]));
    for (int i = 17; i <= 26; ++i) points[i].y -= lift;
    std::vector<cv::Point2f> hull;
    cv::convexHull(points, hull);
    std::vector<cv::Point> poly;
    for (const auto& p : hull) poly.emplace_back(cvRound(p.x), cvRound(p.y));
    cv::fillConvexPoly(hard, poly, cv::Scalar(255), cv::LINE_AA);
  } else {
    // No landmarks (align_quad): the face occupies the middle of an FFHQ crop.
    cv::ellipse(hard, cv::Point(size / 2, int(size * 0.55)), cv::Size(int(size * 0.3), int(size * 0.38)), 0, 0, 360,
                cv::Scalar(255), cv::FILLED, cv::LINE_AA);
  }
  const int dilate = std::max(0, int(std::lround(options.dilate_px * unit)));
  if (dilate > 0)
    cv::dilate(hard, hard, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * dilate + 1, 2 * dilate + 1)));
  cv::Mat mask;
  hard.convertTo(mask, CV_32F, 1.0 / 255);
  const double sigma = options.blur_px * unit / 4.0;
  if (sigma > 0.3) cv::GaussianBlur(mask, mask, cv::Size(), sigma, sigma, cv::BORDER_CONSTANT);
  // Never reach the crop's own edge: the last pixels fade to zero so no square outline can show.
  const int margin = std::max(2, int(std::ceil(2 * sigma)));
  for (int y = 0; y < size; ++y) {
    float* m = mask.ptr<float>(y);
    const int dy = std::min(y, size - 1 - y);
    for (int x = 0; x < size; ++x) {
      const int d = std::min({dy, x, size - 1 - x});
      if (d < margin) m[x] *= float(d) / margin;
    }
  }
  return mask;
}

Unaligned unalign(const cv::Mat& aligned_image, const AlignedFace& aligned, const cv::Mat& aligned_mask) {
  const int size = aligned.output_size > 0 ? aligned.output_size : aligned.image.rows;
  cv::Mat image = to_size(aligned_image, size);
  cv::Mat mask = aligned_mask.empty() ? cv::Mat(size, size, CV_32F, cv::Scalar(1)) : to_size(aligned_mask, size);
  cv::Matx33d a2p = aligned.aligned_to_photo;
  // The face is smaller in the photo than in the crop: shrink first (area averaging), then warp, to avoid aliasing.
  const double photo_px_per_aligned = std::sqrt(std::abs(cv::determinant(cv::Matx22d(a2p(0, 0), a2p(0, 1), a2p(1, 0), a2p(1, 1)))));
  if (photo_px_per_aligned < 0.9) {
    const int small = std::max(8, int(std::lround(size * photo_px_per_aligned)));
    const double k = double(size) / small;  // small-crop pixel → aligned pixel (pixel centres)
    cv::resize(image, image, cv::Size(small, small), 0, 0, cv::INTER_AREA);
    cv::resize(mask, mask, cv::Size(small, small), 0, 0, cv::INTER_AREA);
    a2p = a2p * cv::Matx33d(k, 0, 0.5 * k - 0.5, 0, k, 0.5 * k - 0.5, 0, 0, 1);
  }
  // Region: the crop's footprint in the photo, one pixel wider, clipped.
  const float e = float(image.rows) - 0.5f;
  const auto corners = transform_points(a2p, {{-0.5f, -0.5f}, {-0.5f, e}, {e, e}, {e, -0.5f}});
  cv::Rect region = cv::boundingRect(corners) + cv::Size(2, 2) - cv::Point(1, 1);
  region &= cv::Rect(0, 0, aligned.photo_size.width, aligned.photo_size.height);
  Unaligned out;
  out.region = region;
  if (region.area() == 0) return out;
  // photo (region) pixel → aligned pixel.
  const cv::Matx33d region_to_photo(1, 0, region.x, 0, 1, region.y, 0, 0, 1);
  const cv::Matx23d m = affine_part(a2p.inv() * region_to_photo);
  cv::warpAffine(image, out.image, m, region.size(), cv::INTER_CUBIC | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
  cv::warpAffine(mask, out.mask, m, region.size(), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT,
                 cv::Scalar(0));
  return out;
}

cv::Mat paste_back(const cv::Mat& photo, const cv::Mat& generated, const AlignedFace& aligned,
                   const CompositeOptions& options) {
  if (photo.empty() || photo.type() != CV_8UC3) throw Error("paste back: the photo must be 8-bit BGR");
  if (generated.empty() || generated.type() != CV_8UC3 || generated.rows != generated.cols)
    throw Error("paste back: the generated face must be a square 8-bit BGR image");
  if (photo.size() != aligned.photo_size)
    throw Error("paste back: the photo is not the one the face was aligned from (size differs)");
  cv::Mat result = photo.clone();
  const Unaligned u = unalign(generated, aligned, face_mask(aligned, options));
  if (u.region.area() == 0) return result;
  cv::Mat target = result(u.region);
  if (options.mode == CompositeOptions::Mode::Feather) {
    for (int y = 0; y < target.rows; ++y) {
      cv::Vec3b* t = target.ptr<cv::Vec3b>(y);
      const cv::Vec3b* g = u.image.ptr<cv::Vec3b>(y);
      const float* m = u.mask.ptr<float>(y);
      for (int x = 0; x < target.cols; ++x) {
        if (m[x] <= 0.0f) continue;
        for (int c = 0; c < 3; ++c) t[x][c] = cv::saturate_cast<uchar>(t[x][c] + (g[x][c] - t[x][c]) * m[x]);
      }
    }
    return result;
  }
  // Seamless: Poisson cloning inside the mask's core (where the feathered mask is at least half).
  cv::Mat hard = u.mask > 0.5f;
  if (hard.rows < 3 || hard.cols < 3) return result;
  // OpenCV clears the mask's outer pixel ring itself; do it first so the bounding box (and so the centre) agree.
  hard.row(0).setTo(0), hard.row(hard.rows - 1).setTo(0), hard.col(0).setTo(0), hard.col(hard.cols - 1).setTo(0);
  const cv::Rect box = cv::boundingRect(hard);
  if (box.area() == 0) return result;
  const cv::Point centre(box.x + box.width / 2, box.y + box.height / 2);
  cv::Mat blended;
  cv::seamlessClone(u.image, target, hard, centre, blended, cv::NORMAL_CLONE);
  blended.copyTo(target);
  return result;
}

}  // namespace facet::face
