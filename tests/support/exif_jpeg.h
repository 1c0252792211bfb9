#pragma once
// JPEG bytes with a minimal EXIF APP1 segment (one IFD entry: Orientation) right after SOI, in either TIFF byte
// order, and the upright image each of the eight orientations stands for (EXIF 2.3, table of Orientation).
#include <string>

#include <opencv2/core.hpp>

namespace facet::test {

inline std::string with_exif_orientation(const std::string& jpeg, int orientation, bool big_endian = true) {
  const auto u16 = [big_endian](int v) {
    return big_endian ? std::string{char(v >> 8), char(v & 0xFF)} : std::string{char(v & 0xFF), char(v >> 8)};
  };
  const auto u32 = [big_endian](unsigned v) {
    std::string b{char(v >> 24), char((v >> 16) & 0xFF), char((v >> 8) & 0xFF), char(v & 0xFF)};
    return big_endian ? b : std::string(b.rbegin(), b.rend());
  };
  // A SHORT value sits in the first two bytes of the 4-byte value field, in the file's byte order.
  const std::string tiff = std::string(big_endian ? "MM" : "II") + u16(42) + u32(8) + u16(1) +  // header, 1 entry
                           u16(0x0112) + u16(3) + u32(1) + u16(orientation) + u16(0) +           // Orientation
                           u32(0);                                                               // no next IFD
  const std::string payload = std::string("Exif\0\0", 6) + tiff;
  const size_t length = payload.size() + 2;
  std::string segment = "\xFF\xE1";
  segment += char(length >> 8);
  segment += char(length & 0xFF);
  return jpeg.substr(0, 2) + segment + payload + jpeg.substr(2);
}

// How a viewer shows `stored` pixels tagged with `orientation` (1–8).
inline cv::Mat upright_for_orientation(const cv::Mat& stored, int orientation) {
  cv::Mat out;
  switch (orientation) {
    case 2: cv::flip(stored, out, 1); break;                             // mirrored left-right
    case 3: cv::rotate(stored, out, cv::ROTATE_180); break;
    case 4: cv::flip(stored, out, 0); break;                             // mirrored top-bottom
    case 5: cv::transpose(stored, out); break;                           // mirrored, then 90° counter-clockwise
    case 6: cv::rotate(stored, out, cv::ROTATE_90_CLOCKWISE); break;
    case 7: cv::transpose(stored, out); cv::flip(out, out, -1); break;   // mirrored, then 90° clockwise
    case 8: cv::rotate(stored, out, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    default: out = stored.clone();
  }
  return out;
}

// An image whose four quadrants have four different colours, so any flip or turn shows.
inline cv::Mat quadrant_image(int width = 64, int height = 32) {
  cv::Mat image(height, width, CV_8UC3);
  const int w = width / 2, h = height / 2;
  image(cv::Rect(0, 0, w, h)).setTo(cv::Scalar(20, 20, 220));        // red, top left
  image(cv::Rect(w, 0, w, h)).setTo(cv::Scalar(20, 220, 20));        // green, top right
  image(cv::Rect(0, h, w, h)).setTo(cv::Scalar(220, 20, 20));        // blue, bottom left
  image(cv::Rect(w, h, w, h)).setTo(cv::Scalar(230, 230, 230));      // white, bottom right
  return image;
}

}  // namespace facet::test
