#pragma once
// Faces in a photo: dlib's HOG frontal face detector and its 68-point shape predictor (iBUG 300-W order).
// dlib stays behind this header; callers see OpenCV types only.
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace facet::face {

struct Face {
  cv::Rect box;                          // detector box in photo pixels
  std::vector<cv::Point2f> landmarks;    // 68 points, dlib order, photo pixels
  double score = 0;                      // detector confidence (higher is surer)
};

struct FinderOptions {
  // The detector sees faces from about 80 px; photos whose long side is at most this are up-sampled ×2 first
  // (dlib's usual "upsample once"), so faces from about 40 px are found.
  int upsample_below = 1000;
  // Larger photos are scaled down to this long side for detection only; landmarks use full resolution.
  int detect_long_side = 2000;
  double min_score = 0.0;  // detections below this confidence are dropped
};

class FaceFinder {
 public:
  FaceFinder() = default;  // empty: find() throws until assigned from create()
  // "" → shape_predictor_68_face_landmarks.dat from the model folders, else Debian's /usr/share/dlib copy.
  static FaceFinder create(const std::string& predictor_path = "", const FinderOptions& options = {});

  // Every face, largest box first; none → empty.
  std::vector<Face> find(const cv::Mat& bgr) const;
  // Boxes only (no landmarks), largest first.
  std::vector<Face> detect(const cv::Mat& bgr) const;
  // 68 landmarks inside a given box (from a detector, a tracker or the user).
  std::vector<cv::Point2f> landmarks(const cv::Mat& bgr, const cv::Rect& box) const;

  const std::string& predictor_path() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

// The default predictor file's location (models folders, then /usr/share/dlib); facet::Error when absent.
std::string default_predictor_path();

}  // namespace facet::face
