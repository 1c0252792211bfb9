#pragma once
// Reading and writing photos at the I/O edge: any common file in, 8-bit BGR out, upright as the camera meant it.
#include <cstdint>
#include <string>

#include <opencv2/core.hpp>

namespace facet::face {

// Photos above this many pixels are refused before decoding, so a huge file never takes unbounded memory
// (12000 × 12000 would need 432 MB as BGR before any processing).
constexpr std::int64_t kMaxPhotoPixels = 50'000'000;
constexpr std::uintmax_t kMaxPhotoFileBytes = 256u << 20;

// 8-bit BGR with the EXIF orientation applied; grayscale, CMYK, 16-bit and alpha inputs converted.
// Unreadable, corrupt, empty or too large files → facet::Error naming the file and the fix.
cv::Mat read_photo(const std::string& path);

// A photo file's bytes, refused above kMaxPhotoFileBytes (callers that hash the file decode the same bytes).
std::string read_photo_file(const std::string& path);

// The same from bytes already in memory (`name` only labels messages).
cv::Mat decode_photo(const std::string& bytes, const std::string& name);

// Width and height from the file header (PNG, JPEG, BMP, WebP, TIFF) without decoding; {-1, -1} when not known
// (other formats are then held to OpenCV's own pixel limit and checked after decoding).
cv::Size peek_photo_size(const std::string& bytes);

// Writes 8-bit BGR as PNG/JPEG/BMP/WebP (by extension) atomically.
void write_photo(const std::string& path, const cv::Mat& bgr, int jpeg_quality = 95);

}  // namespace facet::face
