#pragma once
// Test helpers: a 68-point landmark template, the FFHQ quad formula (METHOD.md; core/face owns the real one), and a
// synthetic video of the astronaut photo moving along a known path.
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/video/stabilise.h"
#include "tests/support/test_support.h"

namespace facet::video::testing {

// A face-like 68-point layout (dlib order) centred at the origin, about 100 px wide.
inline Points landmark_template() {
  Points p;
  for (int i = 0; i < 17; ++i) {  // jaw
    const double a = CV_PI * (0.05 + 0.9 * i / 16.0);
    p.emplace_back(static_cast<float>(-50 * std::cos(a)), static_cast<float>(60 * std::sin(a) - 10));
  }
  for (int i = 0; i < 10; ++i) p.emplace_back(-40.f + 9.f * i, -35.f + (i % 5 == 2 ? -4.f : 0.f));  // brows
  for (int i = 0; i < 9; ++i) p.emplace_back(-8.f + 2.f * i, -20.f + 4.f * i);                         // nose
  for (int e = 0; e < 2; ++e)                                                                          // eyes
    for (int i = 0; i < 6; ++i) {
      const double a = 2 * CV_PI * i / 6;
      p.emplace_back(static_cast<float>((e ? 22 : -22) + 9 * std::cos(a)), static_cast<float>(-18 + 4 * std::sin(a)));
    }
  for (int i = 0; i < 20; ++i) {  // mouth: outer 12, inner 8
    const double a = 2 * CV_PI * i / (i < 12 ? 12 : 8);
    const double r = i < 12 ? 24 : 14;
    p.emplace_back(static_cast<float>(r * std::cos(a)), static_cast<float>(32 + 8 * std::sin(a)));
  }
  p[48] = {-24.f, 32.f};
  p[54] = {24.f, 32.f};
  return p;
}

inline Quad ffhq_quad_for_tests(const Points& lm) {
  auto mean = [&](int a, int b) {
    cv::Point2d s(0, 0);
    for (int i = a; i < b; ++i) s += cv::Point2d(lm[static_cast<size_t>(i)]);
    return s / static_cast<double>(b - a);
  };
  const cv::Point2d eye_left = mean(36, 42), eye_right = mean(42, 48), eye_avg = (eye_left + eye_right) * 0.5;
  const cv::Point2d eye_to_eye = eye_right - eye_left;
  const cv::Point2d mouth_avg = (cv::Point2d(lm[48]) + cv::Point2d(lm[54])) * 0.5;
  const cv::Point2d eye_to_mouth = mouth_avg - eye_avg;
  cv::Point2d x = eye_to_eye - cv::Point2d(-eye_to_mouth.y, eye_to_mouth.x);
  x /= std::hypot(x.x, x.y);
  x *= std::max(2.0 * std::hypot(eye_to_eye.x, eye_to_eye.y), 1.8 * std::hypot(eye_to_mouth.x, eye_to_mouth.y));
  const cv::Point2d y(-x.y, x.x);
  const cv::Point2d c = eye_avg + 0.1 * eye_to_mouth;
  auto f = [](const cv::Point2d& q) { return cv::Point2f(static_cast<float>(q.x), static_cast<float>(q.y)); };
  return {f(c - x - y), f(c - x + y), f(c + x + y), f(c + x - y)};
}

// The astronaut photo at size², as frames moved along a smooth known path (shift up to ±amplitude px and a small
// rotation) about the face centre.
struct SyntheticVideo {
  std::vector<cv::Mat> frames;
  std::vector<cv::Matx23d> motion;  // photo → frame
  cv::Point2f face_centre;
  std::vector<Points> true_landmarks;
};

inline SyntheticVideo make_synthetic_video(int count = 30, int size = 256, double amplitude = 6, double pixel_noise = 3.0) {
  cv::Mat photo = cv::imread(test::source_dir() + "/tests/data/faceapi/astronaut_square.png", cv::IMREAD_COLOR);
  if (photo.empty()) throw std::runtime_error("astronaut_square.png missing");
  cv::resize(photo, photo, cv::Size(size, size), 0, 0, cv::INTER_AREA);
  SyntheticVideo v;
  v.face_centre = cv::Point2f(0.5f * size, 0.42f * size);
  const Points tmpl = landmark_template();
  for (int t = 0; t < count; ++t) {
    const double phase = 2 * CV_PI * t / count;
    const double dx = amplitude * std::sin(phase), dy = 0.5 * amplitude * std::sin(2 * phase);
    const double angle = 2.0 * std::sin(phase);  // degrees
    cv::Matx23d m(cv::getRotationMatrix2D(v.face_centre, angle, 1.0));
    m(0, 2) += dx;
    m(1, 2) += dy;
    cv::Mat frame;
    cv::warpAffine(photo, frame, m, photo.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
    cv::Mat n(frame.size(), CV_16SC3);
    cv::randn(n, 0, pixel_noise);
    frame.convertTo(frame, CV_16SC3);
    frame = frame + n;
    frame.convertTo(frame, CV_8UC3);
    v.frames.push_back(frame);
    v.motion.push_back(m);
    Points truth;
    for (const cv::Point2f& q : tmpl) {
      const cv::Point2d p(q.x * size / 256.0 * 0.6 + v.face_centre.x, q.y * size / 256.0 * 0.6 + v.face_centre.y);
      truth.emplace_back(static_cast<float>(m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2)),
                         static_cast<float>(m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2)));
    }
    v.true_landmarks.push_back(truth);
  }
  return v;
}

// Detections = truth + Gaussian noise (σ px), deterministic.
inline std::vector<Points> noisy(const std::vector<Points>& truth, double sigma, unsigned seed = 11) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> gauss(0.f, static_cast<float>(sigma));
  std::vector<Points> out = truth;
  for (Points& frame : out)
    for (cv::Point2f& p : frame) p += cv::Point2f(gauss(rng), gauss(rng));
  return out;
}

inline double rms_error(const std::vector<Points>& a, const std::vector<Points>& b) {
  double sum = 0;
  size_t n = 0;
  for (size_t t = 0; t < a.size(); ++t)
    for (size_t i = 0; i < a[t].size(); ++i, ++n) {
      const cv::Point2f d = a[t][i] - b[t][i];
      sum += d.x * d.x + d.y * d.y;
    }
  return std::sqrt(sum / static_cast<double>(n));
}

}  // namespace facet::video::testing
