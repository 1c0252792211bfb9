#include "core/face/pil_resample.h"

#include <cmath>
#include <vector>

#include "core/io/error.h"

namespace facet::face {
namespace {

constexpr int kPrecisionBits = 32 - 8 - 2;

double sinc(double x) {
  if (x == 0.0) return 1.0;
  x *= M_PI;
  return std::sin(x) / x;
}
double lanczos3(double x) { return (-3.0 <= x && x < 3.0) ? sinc(x) * sinc(x / 3.0) : 0.0; }

// Per output sample: first input index, count, and fixed-point weights (Pillow's precompute_coeffs +
// normalize_coeffs_8bpc).
struct Coefficients {
  int ksize = 0;
  std::vector<int> first, count;
  std::vector<int> weights;  // out × ksize
};

Coefficients coefficients(int in_size, int out_size) {
  const double scale = double(in_size) / out_size;
  const double filterscale = std::max(scale, 1.0);
  const double support = 3.0 * filterscale;
  Coefficients c;
  c.ksize = int(std::ceil(support)) * 2 + 1;
  c.first.resize(out_size);
  c.count.resize(out_size);
  c.weights.assign(size_t(out_size) * c.ksize, 0);
  std::vector<double> k(c.ksize);
  for (int xx = 0; xx < out_size; ++xx) {
    const double center = (xx + 0.5) * scale;
    const double ss = 1.0 / filterscale;
    int xmin = int(center - support + 0.5);
    if (xmin < 0) xmin = 0;
    int xmax = int(center + support + 0.5);
    if (xmax > in_size) xmax = in_size;
    xmax -= xmin;
    double ww = 0.0;
    for (int x = 0; x < xmax; ++x) {
      k[x] = lanczos3((x + xmin - center + 0.5) * ss);
      ww += k[x];
    }
    for (int x = 0; x < xmax; ++x) {
      const double w = ww != 0.0 ? k[x] / ww : k[x];
      c.weights[size_t(xx) * c.ksize + x] =
          w < 0 ? int(-0.5 + w * (1 << kPrecisionBits)) : int(0.5 + w * (1 << kPrecisionBits));
    }
    c.first[xx] = xmin;
    c.count[xx] = xmax;
  }
  return c;
}

inline uchar clip8(int v) {
  v >>= kPrecisionBits;
  return uchar(v < 0 ? 0 : v > 255 ? 255 : v);
}

cv::Mat resample_horizontal(const cv::Mat& in, int out_w) {
  const Coefficients c = coefficients(in.cols, out_w);
  cv::Mat out(in.rows, out_w, CV_8UC3);
  cv::parallel_for_(cv::Range(0, in.rows), [&](const cv::Range& rows) {
    for (int y = rows.start; y < rows.end; ++y) {
      const uchar* src = in.ptr<uchar>(y);
      uchar* dst = out.ptr<uchar>(y);
      for (int xx = 0; xx < out_w; ++xx) {
        const int* k = &c.weights[size_t(xx) * c.ksize];
        int s0 = 1 << (kPrecisionBits - 1), s1 = s0, s2 = s0;
        const uchar* p = src + 3 * c.first[xx];
        for (int x = 0; x < c.count[xx]; ++x, p += 3) {
          s0 += p[0] * k[x];
          s1 += p[1] * k[x];
          s2 += p[2] * k[x];
        }
        dst[3 * xx] = clip8(s0);
        dst[3 * xx + 1] = clip8(s1);
        dst[3 * xx + 2] = clip8(s2);
      }
    }
  });
  return out;
}

cv::Mat resample_vertical(const cv::Mat& in, int out_h) {
  const Coefficients c = coefficients(in.rows, out_h);
  cv::Mat out(out_h, in.cols, CV_8UC3);
  const int row_len = in.cols * 3;
  cv::parallel_for_(cv::Range(0, out_h), [&](const cv::Range& rows) {
    std::vector<int> acc(row_len);
    for (int yy = rows.start; yy < rows.end; ++yy) {
      const int* k = &c.weights[size_t(yy) * c.ksize];
      std::fill(acc.begin(), acc.end(), 1 << (kPrecisionBits - 1));
      for (int y = 0; y < c.count[yy]; ++y) {
        const uchar* src = in.ptr<uchar>(c.first[yy] + y);
        const int w = k[y];
        for (int i = 0; i < row_len; ++i) acc[i] += src[i] * w;
      }
      uchar* dst = out.ptr<uchar>(yy);
      for (int i = 0; i < row_len; ++i) dst[i] = clip8(acc[i]);
    }
  });
  return out;
}

}  // namespace

cv::Mat pil_resize_lanczos(const cv::Mat& image, cv::Size size) {
  if (image.type() != CV_8UC3) throw Error("pil_resize_lanczos expects an 8-bit 3-channel image");
  if (size.width <= 0 || size.height <= 0) throw Error("pil_resize_lanczos: empty output size");
  cv::Mat out = image;
  if (size.width != image.cols) out = resample_horizontal(out, size.width);
  if (size.height != image.rows) out = resample_vertical(out, size.height);
  return out.data == image.data ? image.clone() : out;
}

cv::Mat pil_quad_transform_bilinear(const cv::Mat& image, int size, const std::array<cv::Point2d, 4>& data) {
  if (image.type() != CV_8UC3) throw Error("pil_quad_transform_bilinear expects an 8-bit 3-channel image");
  // Pillow's coefficients: source = a0 + a1·x + a2·y + a3·x·y (x, y at output pixel centres).
  const cv::Point2d nw = data[0], sw = data[1], se = data[2], ne = data[3];
  const double as = 1.0 / size, at = 1.0 / size;
  const double a[8] = {nw.x, (ne.x - nw.x) * as, (sw.x - nw.x) * at, (se.x - sw.x - ne.x + nw.x) * as * at,
                       nw.y, (ne.y - nw.y) * as, (sw.y - nw.y) * at, (se.y - sw.y - ne.y + nw.y) * as * at};
  cv::Mat out(size, size, CV_8UC3);
  const int w = image.cols, h = image.rows;
  cv::parallel_for_(cv::Range(0, size), [&](const cv::Range& rows) {
    for (int oy = rows.start; oy < rows.end; ++oy) {
      uchar* dst = out.ptr<uchar>(oy);
      const double yin = oy + 0.5;
      for (int ox = 0; ox < size; ++ox, dst += 3) {
        const double xin = ox + 0.5;
        double sx = a[0] + a[1] * xin + a[2] * yin + a[3] * xin * yin;
        double sy = a[4] + a[5] * xin + a[6] * yin + a[7] * xin * yin;
        if (sx < 0.0 || sx >= w || sy < 0.0 || sy >= h) {
          dst[0] = dst[1] = dst[2] = 0;
          continue;
        }
        sx -= 0.5;
        sy -= 0.5;
        const int x = int(std::floor(sx)), y = int(std::floor(sy));
        const double dx = sx - x, dy = sy - y;
        const int x0 = 3 * std::clamp(x, 0, w - 1), x1 = 3 * std::clamp(x + 1, 0, w - 1);
        const uchar* r0 = image.ptr<uchar>(std::clamp(y, 0, h - 1));
        const bool has_r1 = y + 1 >= 0 && y + 1 < h;
        const uchar* r1 = has_r1 ? image.ptr<uchar>(y + 1) : nullptr;
        for (int b = 0; b < 3; ++b) {
          const double v1 = r0[x0 + b] + (double(r0[x1 + b]) - r0[x0 + b]) * dx;
          const double v2 = has_r1 ? r1[x0 + b] + (double(r1[x1 + b]) - r1[x0 + b]) * dx : v1;
          dst[b] = uchar(v1 + (v2 - v1) * dy);
        }
      }
    }
  });
  return out;
}

}  // namespace facet::face
