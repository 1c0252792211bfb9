#include "core/face/ffhq_align.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include <opencv2/imgproc.hpp>

#include "core/face/pil_resample.h"
#include "core/io/error.h"

namespace facet::face {
namespace {

using Quad = std::array<cv::Point2d, 4>;  // NW, SW, SE, NE

cv::Point2d mean_of(const std::vector<cv::Point2f>& lm, int from, int to) {
  cv::Point2d sum(0, 0);
  for (int i = from; i < to; ++i) sum += cv::Point2d(lm[i]);
  return sum / double(to - from);
}

// numpy.rint: round half to even (the default floating-point rounding mode).
double rint_even(double v) { return std::nearbyint(v); }

struct Bounds {
  int x0, y0, x1, y1;
};
Bounds floor_ceil_bounds(const Quad& q) {
  double minx = q[0].x, maxx = q[0].x, miny = q[0].y, maxy = q[0].y;
  for (const auto& p : q) {
    minx = std::min(minx, p.x), maxx = std::max(maxx, p.x);
    miny = std::min(miny, p.y), maxy = std::max(maxy, p.y);
  }
  return {int(std::floor(minx)), int(std::floor(miny)), int(std::ceil(maxx)), int(std::ceil(maxy))};
}

// scipy.ndimage.gaussian_filter's kernel: truncate 4σ, normalised.
cv::Mat gaussian_kernel(double sigma) {
  const int radius = int(4.0 * sigma + 0.5);
  cv::Mat k(2 * radius + 1, 1, CV_64F);
  double sum = 0;
  for (int i = -radius; i <= radius; ++i) sum += k.at<double>(i + radius) = std::exp(-0.5 / (sigma * sigma) * i * i);
  return k / sum;
}

// numpy.median over all pixels of one float channel.
float median_of(const cv::Mat& channel) {
  std::vector<float> v(channel.begin<float>(), channel.end<float>());
  const size_t n = v.size(), mid = n / 2;
  std::nth_element(v.begin(), v.begin() + mid, v.end());
  const float upper = v[mid];
  if (n % 2 == 1) return upper;
  const float lower = *std::max_element(v.begin(), v.begin() + mid);
  return (lower + upper) / 2.0f;
}

// The official padding: reflect, then blend towards a blurred copy near the edges and towards the median colour
// in the padded band, so the generator never sees a hard mirror seam.
cv::Mat pad_and_blend(const cv::Mat& img8, const cv::Vec4i& pad, double qsize) {
  cv::Mat img;
  img8.convertTo(img, CV_32FC3);
  cv::copyMakeBorder(img, img, pad[1], pad[3], pad[0], pad[2], cv::BORDER_REFLECT_101);
  const int h = img.rows, w = img.cols;
  cv::Mat mask(h, w, CV_32F);
  const float p0 = float(pad[0]), p1 = float(pad[1]), p2 = float(pad[2]), p3 = float(pad[3]);
  for (int y = 0; y < h; ++y) {
    float* m = mask.ptr<float>(y);
    const float my = 1.0f - std::min(float(y) / p1, float(h - 1 - y) / p3);
    for (int x = 0; x < w; ++x) m[x] = std::max(1.0f - std::min(float(x) / p0, float(w - 1 - x) / p2), my);
  }
  const double sigma = qsize * 0.02;
  cv::Mat blurred;
  if (sigma > 0) {
    const cv::Mat k = gaussian_kernel(sigma);
    cv::sepFilter2D(img, blurred, CV_32F, k, k, cv::Point(-1, -1), 0, cv::BORDER_REFLECT);
  } else {
    blurred = img.clone();
  }
  for (int y = 0; y < h; ++y) {
    cv::Vec3f* p = img.ptr<cv::Vec3f>(y);
    const cv::Vec3f* b = blurred.ptr<cv::Vec3f>(y);
    const float* m = mask.ptr<float>(y);
    for (int x = 0; x < w; ++x) {
      const float wgt = std::clamp(m[x] * 3.0f + 1.0f, 0.0f, 1.0f);
      for (int c = 0; c < 3; ++c) p[x][c] += (b[x][c] - p[x][c]) * wgt;
    }
  }
  std::vector<cv::Mat> channels;
  cv::split(img, channels);
  const cv::Vec3f median(median_of(channels[0]), median_of(channels[1]), median_of(channels[2]));
  cv::Mat out(h, w, CV_8UC3);
  for (int y = 0; y < h; ++y) {
    cv::Vec3f* p = img.ptr<cv::Vec3f>(y);
    const float* m = mask.ptr<float>(y);
    cv::Vec3b* o = out.ptr<cv::Vec3b>(y);
    for (int x = 0; x < w; ++x) {
      const float wgt = std::clamp(m[x], 0.0f, 1.0f);
      for (int c = 0; c < 3; ++c) {
        const float v = p[x][c] + (median[c] - p[x][c]) * wgt;
        o[x][c] = uchar(std::clamp(std::nearbyint(v), 0.0f, 255.0f));
      }
    }
  }
  return out;
}

std::string size_text(double v) {
  std::ostringstream s;
  s.precision(0);
  s << std::fixed << v;
  return s.str();
}

}  // namespace

std::array<cv::Point2f, 4> ffhq_quad(const std::vector<cv::Point2f>& lm) {
  if (lm.size() != 68) throw Error("FFHQ alignment needs the 68 dlib landmarks (got " + std::to_string(lm.size()) + ")");
  const cv::Point2d eye_left = mean_of(lm, 36, 42), eye_right = mean_of(lm, 42, 48);
  const cv::Point2d eye_avg = (eye_left + eye_right) * 0.5;
  const cv::Point2d eye_to_eye = eye_right - eye_left;
  const cv::Point2d mouth_avg = (cv::Point2d(lm[48]) + cv::Point2d(lm[54])) * 0.5;
  const cv::Point2d eye_to_mouth = mouth_avg - eye_avg;
  // x = eye_to_eye − flipud(eye_to_mouth)·[−1, 1]
  cv::Point2d x(eye_to_eye.x + eye_to_mouth.y, eye_to_eye.y - eye_to_mouth.x);
  const double norm = std::hypot(x.x, x.y);
  if (!(norm > 0)) throw Error("FFHQ alignment: the eye and mouth landmarks coincide; not a usable face");
  x /= norm;
  x *= std::max(std::hypot(eye_to_eye.x, eye_to_eye.y) * 2.0, std::hypot(eye_to_mouth.x, eye_to_mouth.y) * 1.8);
  const cv::Point2d y(-x.y, x.x);  // flipud(x)·[−1, 1]
  const cv::Point2d c = eye_avg + eye_to_mouth * 0.1;
  return {cv::Point2f(c - x - y), cv::Point2f(c - x + y), cv::Point2f(c + x + y), cv::Point2f(c + x - y)};
}

std::vector<cv::Point2f> transform_points(const cv::Matx33d& m, const std::vector<cv::Point2f>& points) {
  std::vector<cv::Point2f> out;
  out.reserve(points.size());
  for (const auto& p : points) {
    const cv::Vec3d v = m * cv::Vec3d(p.x, p.y, 1.0);
    out.emplace_back(float(v[0] / v[2]), float(v[1] / v[2]));
  }
  return out;
}

AlignedFace align_quad(const cv::Mat& photo, const std::array<cv::Point2f, 4>& quad_in, int output_size,
                       const AlignOptions& options) {
  if (photo.empty() || photo.type() != CV_8UC3) throw Error("FFHQ alignment expects an 8-bit BGR photo");
  if (output_size < 8 || output_size > 4096)
    throw Error("FFHQ alignment: output size " + std::to_string(output_size) + " is outside 8…4096");
  const int transform_size = options.transform_size > 0 ? options.transform_size : 4 * output_size;
  if (transform_size < output_size)
    throw Error("FFHQ alignment: transform size must be at least the output size");

  Quad q;
  for (int i = 0; i < 4; ++i) q[i] = cv::Point2d(quad_in[i]);
  double qsize = std::hypot(q[3].x - q[0].x, q[3].y - q[0].y);
  if (!(qsize >= options.min_face_size))
    throw Error("the face is too small: its alignment square is " + size_text(qsize) + " px across, Facet needs " +
                size_text(options.min_face_size) + " px (a face about " + size_text(options.min_face_size / 2) +
                " px wide); use a larger photo or a closer shot");

  AlignedFace out;
  out.output_size = output_size;
  out.transform_size = transform_size;
  out.quad = quad_in;
  out.quad_size = qsize;
  out.photo_size = photo.size();

  // Shrink.
  cv::Mat img = photo;
  const int shrink = int(std::floor(qsize / output_size * 0.5));
  cv::Matx33d shrunk_to_photo = cv::Matx33d::eye();
  if (shrink > 1) {
    const cv::Size rsize(int(rint_even(double(photo.cols) / shrink)), int(rint_even(double(photo.rows) / shrink)));
    img = pil_resize_lanczos(photo, rsize);
    for (auto& p : q) p /= double(shrink);
    qsize /= shrink;
    // Pillow maps pixel centres: photo = (shrunk + 0.5)·scale − 0.5.
    const double sx = double(photo.cols) / rsize.width, sy = double(photo.rows) / rsize.height;
    shrunk_to_photo = cv::Matx33d(sx, 0, 0.5 * sx - 0.5, 0, sy, 0.5 * sy - 0.5, 0, 0, 1);
  }
  out.shrink = std::max(shrink, 1);

  // Crop.
  const int border = std::max(int(rint_even(qsize * 0.1)), 3);
  Bounds b = floor_ceil_bounds(q);
  cv::Rect crop(cv::Point(std::max(b.x0 - border, 0), std::max(b.y0 - border, 0)),
                cv::Point(std::min(b.x1 + border, img.cols), std::min(b.y1 + border, img.rows)));
  if (crop.width <= 0 || crop.height <= 0) throw Error("FFHQ alignment: the face square lies outside the photo");
  if (crop.width < img.cols || crop.height < img.rows) {
    img = img(crop);
    for (auto& p : q) p -= cv::Point2d(crop.x, crop.y);
  } else {
    crop = cv::Rect(0, 0, img.cols, img.rows);
  }
  out.crop = crop;

  // Pad.
  b = floor_ceil_bounds(q);
  cv::Vec4i pad(std::max(-b.x0 + border, 0), std::max(-b.y0 + border, 0), std::max(b.x1 - img.cols + border, 0),
                std::max(b.y1 - img.rows + border, 0));
  const int max_pad = std::max({pad[0], pad[1], pad[2], pad[3]});
  if (options.enable_padding && max_pad > border - 4) {
    const int least = int(rint_even(qsize * 0.3));
    for (int i = 0; i < 4; ++i) pad[i] = std::max(pad[i], least);
    if (std::min({pad[0], pad[1], pad[2], pad[3]}) <= 0) throw Error("FFHQ alignment: the face is too small to pad");
    img = pad_and_blend(img, pad, qsize);
    for (auto& p : q) p += cv::Point2d(pad[0], pad[1]);
  } else {
    pad = cv::Vec4i(0, 0, 0, 0);
  }
  out.pad = pad;

  // Transform (Pillow's QUAD takes pixel-edge coordinates, hence +0.5), then the antialiased resize.
  Quad data;
  for (int i = 0; i < 4; ++i) data[i] = q[i] + cv::Point2d(0.5, 0.5);
  img = pil_quad_transform_bilinear(img.isContinuous() ? img : img.clone(), transform_size, data);
  if (output_size < transform_size) img = pil_resize_lanczos(img, cv::Size(output_size, output_size));
  out.image = img;

  // Geometry: aligned pixel (u, v) → (s, t) = ((u + 0.5)/S, (v + 0.5)/S) → working-image index
  // q_NW + (q_NE − q_NW)·s + (q_SW − q_NW)·t → shrunk photo (undo pad and crop) → photo.
  const double s_inv = 1.0 / output_size;
  const cv::Matx33d to_unit(s_inv, 0, 0.5 * s_inv, 0, s_inv, 0.5 * s_inv, 0, 0, 1);
  const cv::Matx33d unit_to_work(q[3].x - q[0].x, q[1].x - q[0].x, q[0].x, q[3].y - q[0].y, q[1].y - q[0].y, q[0].y,
                                 0, 0, 1);
  const cv::Matx33d work_to_shrunk(1, 0, double(crop.x - pad[0]), 0, 1, double(crop.y - pad[1]), 0, 0, 1);
  out.aligned_to_photo = shrunk_to_photo * work_to_shrunk * unit_to_work * to_unit;
  return out;
}

AlignedFace align_ffhq(const cv::Mat& photo, const std::vector<cv::Point2f>& landmarks68, int output_size,
                       const AlignOptions& options) {
  AlignedFace out = align_quad(photo, ffhq_quad(landmarks68), output_size, options);
  out.landmarks = transform_points(out.photo_to_aligned(), landmarks68);
  return out;
}

}  // namespace facet::face
