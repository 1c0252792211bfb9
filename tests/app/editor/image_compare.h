#pragma once
// Pixel comparisons for the editor's tests. Equality: the same size and the same RGB values. (QImage's == also compares the colour
// space, which a PNG's ICC profile sets on one side only.)
#include <cmath>
#include <cstring>

#include <QImage>

namespace facet::test {

inline bool sameRgb(const QImage& a, const QImage& b) {
  if (a.size() != b.size()) return false;
  const QImage x = a.convertToFormat(QImage::Format_RGB888), y = b.convertToFormat(QImage::Format_RGB888);
  for (int row = 0; row < x.height(); ++row)
    if (std::memcmp(x.constScanLine(row), y.constScanLine(row), static_cast<size_t>(x.width()) * 3) != 0) return false;
  return true;
}

// PSNR in dB over 0–255 of two RGB images of one size (+∞ when they are equal).
inline double psnrDb(const QImage& a, const QImage& b) {
  double sum = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x) {
      const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
      for (int d : {qRed(p) - qRed(q), qGreen(p) - qGreen(q), qBlue(p) - qBlue(q)}) sum += double(d) * d;
    }
  return 10 * std::log10(255.0 * 255.0 / (sum / (3.0 * a.width() * a.height())));
}

}  // namespace facet::test
