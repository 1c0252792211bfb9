#include "core/face/face_finder.h"

#include <algorithm>
#include <filesystem>
#include <mutex>

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>
#include <opencv2/imgproc.hpp>

#include "core/io/error.h"
#include "core/io/log.h"
#include "core/models/model_paths.h"

namespace facet::face {

namespace {
constexpr const char* kPredictorFile = "shape_predictor_68_face_landmarks.dat";
constexpr const char* kDebianPredictor = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat";

void check_photo(const cv::Mat& bgr) {
  if (bgr.empty()) throw Error("face search: the image is empty");
  if (bgr.type() != CV_8UC3) throw Error("face search: expected an 8-bit BGR image (use read_photo)");
}
}  // namespace

struct FaceFinder::Impl {
  std::string path;
  FinderOptions options;
  // The HOG detector keeps scratch buffers (not const-callable): one caller at a time.
  mutable std::mutex detector_mutex;
  mutable dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
  dlib::shape_predictor predictor;
};

std::string default_predictor_path() {
  if (auto found = models::find_model_file(kPredictorFile)) return *found;
  std::error_code ec;
  if (std::filesystem::exists(kDebianPredictor, ec)) return kDebianPredictor;
  throw Error(std::string("the 68-point face landmark model ") + kPredictorFile +
              " was not found; install Debian's libdlib-data (apt-get install libdlib-data) or put the file in "
              "a models folder (facet-cli info lists them)");
}

FaceFinder FaceFinder::create(const std::string& predictor_path, const FinderOptions& options) {
  auto impl = std::make_shared<Impl>();
  impl->path = predictor_path.empty() ? default_predictor_path() : predictor_path;
  impl->options = options;
  try {
    dlib::deserialize(impl->path) >> impl->predictor;
  } catch (const std::exception& e) {
    throw Error(impl->path + ": not a dlib shape predictor (" + e.what() +
                "); use shape_predictor_68_face_landmarks.dat from libdlib-data");
  }
  if (impl->predictor.num_parts() != 68)
    throw Error(impl->path + ": the shape predictor has " + std::to_string(impl->predictor.num_parts()) +
                " points; Facet needs the 68-point model");
  FaceFinder finder;
  finder.impl_ = std::move(impl);
  return finder;
}

const std::string& FaceFinder::predictor_path() const {
  if (!impl_) throw Error("FaceFinder used before FaceFinder::create()");
  return impl_->path;
}

std::vector<Face> FaceFinder::detect(const cv::Mat& bgr) const {
  if (!impl_) throw Error("FaceFinder used before FaceFinder::create()");
  check_photo(bgr);
  // The detector works on intensity only; scale so faces of a useful size fall in its 80 px window.
  const int long_side = std::max(bgr.cols, bgr.rows);
  double scale = 1.0;
  if (long_side <= impl_->options.upsample_below) scale = 2.0;
  else if (long_side > impl_->options.detect_long_side) scale = double(impl_->options.detect_long_side) / long_side;
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  if (scale != 1.0)
    cv::resize(gray, gray, cv::Size(), scale, scale, scale > 1 ? cv::INTER_LINEAR : cv::INTER_AREA);
  std::vector<dlib::rect_detection> found;
  {
    std::lock_guard<std::mutex> lock(impl_->detector_mutex);
    impl_->detector(dlib::cv_image<unsigned char>(gray), found, 0.0);
  }
  std::vector<Face> faces;
  const cv::Rect frame(0, 0, bgr.cols, bgr.rows);
  for (const auto& d : found) {
    if (d.detection_confidence < impl_->options.min_score) continue;
    const auto& r = d.rect;
    cv::Rect box(int(std::lround(r.left() / scale)), int(std::lround(r.top() / scale)),
                 int(std::lround((r.right() + 1) / scale)) - int(std::lround(r.left() / scale)),
                 int(std::lround((r.bottom() + 1) / scale)) - int(std::lround(r.top() / scale)));
    box &= frame;
    if (box.area() == 0) continue;
    faces.push_back({box, {}, d.detection_confidence});
  }
  std::stable_sort(faces.begin(), faces.end(), [](const Face& a, const Face& b) { return a.box.area() > b.box.area(); });
  return faces;
}

std::vector<cv::Point2f> FaceFinder::landmarks(const cv::Mat& bgr, const cv::Rect& box) const {
  if (!impl_) throw Error("FaceFinder used before FaceFinder::create()");
  check_photo(bgr);
  if (box.width <= 0 || box.height <= 0) throw Error("face landmarks: the face box is empty");
  const dlib::cv_image<dlib::bgr_pixel> image(bgr);
  const dlib::rectangle rect(box.x, box.y, box.x + box.width - 1, box.y + box.height - 1);
  const dlib::full_object_detection shape = impl_->predictor(image, rect);
  std::vector<cv::Point2f> points;
  points.reserve(shape.num_parts());
  for (unsigned long i = 0; i < shape.num_parts(); ++i)
    points.emplace_back(float(shape.part(i).x()), float(shape.part(i).y()));
  return points;
}

std::vector<Face> FaceFinder::find(const cv::Mat& bgr) const {
  std::vector<Face> faces = detect(bgr);
  for (auto& f : faces) f.landmarks = landmarks(bgr, f.box);
  log::get("face")->debug("{} face(s) in a {}×{} image", faces.size(), bgr.cols, bgr.rows);
  return faces;
}

}  // namespace facet::face
