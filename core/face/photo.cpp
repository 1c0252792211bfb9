#include "core/face/photo.h"

#include <filesystem>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::face {
namespace {

std::uint32_t be16(const std::string& b, size_t at) {
  return (std::uint32_t(std::uint8_t(b[at])) << 8) | std::uint8_t(b[at + 1]);
}
std::uint32_t be32(const std::string& b, size_t at) { return (be16(b, at) << 16) | be16(b, at + 2); }
std::uint32_t le16(const std::string& b, size_t at) {
  return std::uint32_t(std::uint8_t(b[at])) | (std::uint32_t(std::uint8_t(b[at + 1])) << 8);
}
std::uint32_t le24(const std::string& b, size_t at) { return le16(b, at) | (std::uint32_t(std::uint8_t(b[at + 2])) << 16); }
std::uint32_t le32(const std::string& b, size_t at) { return le16(b, at) | (le16(b, at + 2) << 16); }

// JPEG: walk the marker segments up to the first start-of-frame, which carries height and width.
cv::Size jpeg_size(const std::string& b) {
  size_t at = 2;
  while (at + 4 <= b.size()) {
    if (std::uint8_t(b[at]) != 0xFF) return {-1, -1};
    const std::uint8_t marker = std::uint8_t(b[at + 1]);
    if (marker == 0xFF) { ++at; continue; }  // fill bytes
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) { at += 2; continue; }
    const std::uint32_t length = be16(b, at + 2);
    const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (at + 9 > b.size()) return {-1, -1};
      return {int(be16(b, at + 7)), int(be16(b, at + 5))};
    }
    if (length < 2) return {-1, -1};
    at += 2 + length;
  }
  return {-1, -1};
}

cv::Size webp_size(const std::string& b) {
  if (b.size() < 30) return {-1, -1};
  const std::string chunk = b.substr(12, 4);
  if (chunk == "VP8 ") return {int(le16(b, 26) & 0x3FFF), int(le16(b, 28) & 0x3FFF)};
  if (chunk == "VP8L") {
    const std::uint32_t bits = le32(b, 21);
    return {int((bits & 0x3FFF) + 1), int(((bits >> 14) & 0x3FFF) + 1)};
  }
  if (chunk == "VP8X") return {int(le24(b, 24) + 1), int(le24(b, 27) + 1)};
  return {-1, -1};
}

// TIFF: ImageWidth (256) and ImageLength (257) from the first directory, either byte order.
cv::Size tiff_size(const std::string& b) {
  const bool le = b[0] == 'I';
  auto u16 = [&](size_t at) { return le ? le16(b, at) : be16(b, at); };
  auto u32 = [&](size_t at) { return le ? le32(b, at) : be32(b, at); };
  const size_t ifd = u32(4);
  if (ifd + 2 > b.size()) return {-1, -1};
  const std::uint32_t entries = u16(ifd);
  long width = -1, height = -1;
  for (std::uint32_t i = 0; i < entries && ifd + 2 + 12 * (i + 1) <= b.size(); ++i) {
    const size_t e = ifd + 2 + 12 * i;
    const std::uint32_t tag = u16(e), type = u16(e + 2);
    const long value = type == 3 ? long(u16(e + 8)) : type == 4 ? long(u32(e + 8)) : -1;
    if (tag == 256) width = value;
    if (tag == 257) height = value;
  }
  if (width < 0 || height < 0) return {-1, -1};
  return {int(std::min<long>(width, 1L << 30)), int(std::min<long>(height, 1L << 30))};
}

}  // namespace

cv::Size peek_photo_size(const std::string& b) {
  if (b.size() >= 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 && b.compare(12, 4, "IHDR") == 0)
    return {int(std::min<std::uint32_t>(be32(b, 16), 1u << 30)), int(std::min<std::uint32_t>(be32(b, 20), 1u << 30))};
  if (b.size() >= 4 && std::uint8_t(b[0]) == 0xFF && std::uint8_t(b[1]) == 0xD8) return jpeg_size(b);
  if (b.size() >= 26 && b.compare(0, 2, "BM") == 0) {
    // A negative height means rows top-down; negated in 64 bits, since -INT32_MIN does not fit an int.
    const std::int64_t h = std::int32_t(le32(b, 22));
    return {int(std::min<std::uint32_t>(le32(b, 18), 1u << 30)), int(std::min<std::int64_t>(h < 0 ? -h : h, 1 << 30))};
  }
  if (b.size() >= 16 && b.compare(0, 4, "RIFF") == 0 && b.compare(8, 4, "WEBP") == 0) return webp_size(b);
  if (b.size() >= 8 && (b.compare(0, 4, std::string("II*\0", 4)) == 0 || b.compare(0, 4, std::string("MM\0*", 4)) == 0))
    return tiff_size(b);
  return {-1, -1};
}

cv::Mat decode_photo(const std::string& bytes, const std::string& name) {
  if (bytes.empty()) throw Error(name + ": the file is empty; choose a photo (JPEG, PNG, BMP, WebP or TIFF)");
  const cv::Size size = peek_photo_size(bytes);
  if (size.width == 0 || size.height == 0)
    throw Error(name + ": the header says the image is " + std::to_string(size.width) + "×" +
                std::to_string(size.height) + " pixels; the file is damaged");
  if (size.width > 0 && std::int64_t(size.width) * size.height > kMaxPhotoPixels)
    throw Error(name + ": the photo is " + std::to_string(size.width) + "×" + std::to_string(size.height) + " (" +
                std::to_string(std::int64_t(size.width) * size.height / 1'000'000) +
                " megapixels); Facet reads photos up to " + std::to_string(kMaxPhotoPixels / 1'000'000) +
                " megapixels. Scale it down first (e.g. `convert IN -resize 50% OUT`)");
  cv::Mat bgr;
  try {
    // IMREAD_COLOR: 8-bit, 3 channels (gray, CMYK, 16-bit and alpha converted), EXIF orientation applied.
    const cv::Mat buffer(1, int(bytes.size()), CV_8U, const_cast<char*>(bytes.data()));
    bgr = cv::imdecode(buffer, cv::IMREAD_COLOR);
  } catch (const cv::Exception& e) {
    throw Error(name + ": cannot decode the image (" + std::string(e.what()) + ")");
  }
  if (bgr.empty())
    throw Error(name + ": not a readable image (corrupt, truncated or an unsupported format; "
                       "use JPEG, PNG, BMP, WebP or TIFF)");
  if (std::int64_t(bgr.cols) * bgr.rows > kMaxPhotoPixels)  // formats whose header we do not peek
    throw Error(name + ": the photo is " + std::to_string(bgr.cols) + "×" + std::to_string(bgr.rows) +
                "; Facet reads photos up to " + std::to_string(kMaxPhotoPixels / 1'000'000) + " megapixels");
  if (bgr.depth() != CV_8U) bgr.convertTo(bgr, CV_8U, bgr.depth() == CV_16U ? 1.0 / 257 : 255.0);
  if (bgr.channels() == 1) cv::cvtColor(bgr, bgr, cv::COLOR_GRAY2BGR);
  if (bgr.channels() == 4) cv::cvtColor(bgr, bgr, cv::COLOR_BGRA2BGR);
  return bgr;
}

std::string read_photo_file(const std::string& path) {
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(path, ec);
  if (!ec && bytes > kMaxPhotoFileBytes)
    throw Error(path + ": the file is " + std::to_string(bytes >> 20) + " MB; Facet reads photo files up to " +
                std::to_string(kMaxPhotoFileBytes >> 20) + " MB");
  return io::read_file(path);
}

cv::Mat read_photo(const std::string& path) { return decode_photo(read_photo_file(path), path); }

void write_photo(const std::string& path, const cv::Mat& bgr, int jpeg_quality) {
  if (bgr.empty() || bgr.type() != CV_8UC3) throw Error("write_photo expects an 8-bit BGR image for " + path);
  const auto dot = path.rfind('.');
  std::string ext = dot == std::string::npos ? "" : path.substr(dot);
  for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  std::vector<int> params;
  if (ext == ".jpg" || ext == ".jpeg") params = {cv::IMWRITE_JPEG_QUALITY, jpeg_quality};
  std::vector<uchar> out;
  bool ok = false;
  try {
    ok = !ext.empty() && cv::imencode(ext, bgr, out, params);
  } catch (const cv::Exception&) {
    ok = false;
  }
  if (!ok) throw Error("cannot write " + path + ": unknown image type '" + ext + "' (use .jpg or .png)");
  io::write_file_atomic(path, std::string_view(reinterpret_cast<const char*>(out.data()), out.size()));
}

}  // namespace facet::face
