#pragma once
// Pixel equality for the editor's tests: the same size and the same RGB values. (QImage's == also compares the colour
// space, which a PNG's ICC profile sets on one side only.)
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

}  // namespace facet::test
