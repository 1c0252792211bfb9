#include "core/video/stabilise.h"

#include <cmath>

#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include "core/io/error.h"

namespace facet::video {

namespace {

cv::Mat grey(const cv::Mat& frame) {
  if (frame.channels() == 1) return frame;
  cv::Mat out;
  cv::cvtColor(frame, out, frame.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
  return out;
}

std::vector<double> gaussian_kernel(double sigma) {
  const int radius = static_cast<int>(std::ceil(4.0 * sigma));
  std::vector<double> k(static_cast<size_t>(2 * radius + 1));
  double sum = 0;
  for (int i = -radius; i <= radius; ++i) sum += k[static_cast<size_t>(i + radius)] = std::exp(-0.5 * i * i / (sigma * sigma));
  for (double& v : k) v /= sum;
  return k;
}

// scipy 'reflect' (d c b a | a b c d | d c b a), repeated for kernels longer than the sequence.
int reflect(int i, int n) {
  if (n == 1) return 0;
  const int period = 2 * n;
  i %= period;
  if (i < 0) i += period;
  return i < n ? i : period - 1 - i;
}

// Filters a [T][P] array of points along T.
template <typename Seq>
Seq filter_points(const Seq& sequence, double sigma) {
  if (sigma <= 0 || sequence.size() < 2) return sequence;
  const int n = static_cast<int>(sequence.size());
  const size_t points = sequence.front().size();
  for (const auto& frame : sequence)
    if (frame.size() != points) throw Error("stabilise: every frame needs the same number of points");
  const std::vector<double> k = gaussian_kernel(sigma);
  const int radius = static_cast<int>(k.size() / 2);
  Seq out = sequence;
  for (int t = 0; t < n; ++t) {
    for (size_t p = 0; p < points; ++p) {
      double x = 0, y = 0;
      for (int j = -radius; j <= radius; ++j) {
        const cv::Point2f& q = sequence[static_cast<size_t>(reflect(t + j, n))][p];
        const double w = k[static_cast<size_t>(j + radius)];
        x += w * q.x;
        y += w * q.y;
      }
      out[static_cast<size_t>(t)][p] = cv::Point2f(static_cast<float>(x), static_cast<float>(y));
    }
  }
  return out;
}

}  // namespace

TrackedPoints track_lk(const cv::Mat& prev, const cv::Mat& next, const Points& points) {
  TrackedPoints out;
  if (points.empty()) return out;
  if (prev.empty() || next.empty() || prev.size() != next.size())
    throw Error("stabilise: optical flow needs two frames of the same size");
  std::vector<float> error;
  cv::calcOpticalFlowPyrLK(grey(prev), grey(next), points, out.points, out.ok, error, cv::Size(21, 21), 3,
                           cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 30, 0.01));
  const cv::Rect bounds(0, 0, next.cols, next.rows);
  for (size_t i = 0; i < out.points.size(); ++i)
    if (!std::isfinite(out.points[i].x) || !std::isfinite(out.points[i].y) || !bounds.contains(out.points[i]))
      out.ok[i] = 0;
  return out;
}

Points blend_flow(const Points& detected, const TrackedPoints& tracked, const Points& previous, double sigma) {
  if (tracked.points.size() != detected.size() || previous.size() != detected.size())
    throw Error("stabilise: detected, tracked and previous landmarks differ in count");
  Points out(detected.size());
  for (size_t i = 0; i < detected.size(); ++i) {
    if (!tracked.ok[i]) {
      out[i] = detected[i];
      continue;
    }
    const cv::Point2f d = detected[i] - previous[i];
    const double w = std::exp(-(d.x * d.x + d.y * d.y) / sigma);
    out[i] = cv::Point2f(static_cast<float>(w * tracked.points[i].x + (1 - w) * detected[i].x),
                         static_cast<float>(w * tracked.points[i].y + (1 - w) * detected[i].y));
  }
  return out;
}

std::vector<Points> gaussian_filter(const std::vector<Points>& sequence, double sigma) {
  return filter_points(sequence, sigma);
}

std::vector<Quad> gaussian_filter(const std::vector<Quad>& quads, double sigma) { return filter_points(quads, sigma); }

cv::Matx33d quad_to_aligned(const Quad& quad, int size) {
  const float s = static_cast<float>(size);
  const cv::Point2f dst[4] = {{0, 0}, {0, s}, {s, s}, {s, 0}};
  const cv::Mat m = cv::getPerspectiveTransform(quad.data(), dst);
  return cv::Matx33d(m);
}

Points to_aligned(const Points& points, const Quad& quad, int size) {
  Points out;
  if (points.empty()) return out;
  cv::perspectiveTransform(points, out, cv::Mat(quad_to_aligned(quad, size)));
  return out;
}

double aligned_jitter(const std::vector<Points>& landmarks, const std::vector<Quad>& quads,
                      const std::vector<bool>& present, int size) {
  if (landmarks.size() != quads.size()) throw Error("stabilise: one quad per frame needed for the jitter figure");
  if (!present.empty() && present.size() != landmarks.size())
    throw Error("stabilise: the face-present flags must cover every frame");
  double sum = 0;
  size_t count = 0;
  Points previous;
  bool have_previous = false;
  for (size_t t = 0; t < landmarks.size(); ++t) {
    const bool here = present.empty() || present[t];
    if (!here) {
      have_previous = false;
      continue;
    }
    Points aligned = to_aligned(landmarks[t], quads[t], size);
    if (have_previous && aligned.size() == previous.size()) {
      for (size_t p = 0; p < aligned.size(); ++p) sum += cv::norm(aligned[p] - previous[p]);
      count += aligned.size();
    }
    previous = std::move(aligned);
    have_previous = true;
  }
  return count ? sum / static_cast<double>(count) : 0.0;
}

}  // namespace facet::video
