// read_photo: every input becomes 8-bit BGR, upright; bad files are facet::Error with a message.
#include <cstring>
#include <fstream>
#include <limits>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "core/face/photo.h"
#include "core/face/tensor_image.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "tests/core/face/face_test_util.h"
#include "tests/support/exif_jpeg.h"
#include "tests/support/test_support.h"

namespace facet::face {
namespace {

std::string encode(const cv::Mat& image, const std::string& ext) {
  std::vector<uchar> bytes;
  EXPECT_TRUE(cv::imencode(ext, image, bytes));
  return std::string(bytes.begin(), bytes.end());
}

using test::with_exif_orientation;

TEST(ReadPhoto, ReadsTheSampleAsBgr) {
  const cv::Mat& image = test::astronaut();
  EXPECT_EQ(image.type(), CV_8UC3);
  EXPECT_EQ(image.size(), cv::Size(512, 512));
}

TEST(ReadPhoto, AppliesExifOrientation) {
  // A 64×32 image whose left half is dark: orientation 6 (rotate 90° clockwise) makes it 32×64, dark on top.
  cv::Mat image(32, 64, CV_8UC3, cv::Scalar(230, 230, 230));
  image(cv::Rect(0, 0, 32, 32)).setTo(cv::Scalar(20, 20, 20));
  const std::string bytes = with_exif_orientation(encode(image, ".jpg"), 6);
  const cv::Mat upright = decode_photo(bytes, "rotated.jpg");
  ASSERT_EQ(upright.size(), cv::Size(32, 64));
  EXPECT_LT(cv::mean(upright(cv::Rect(0, 0, 32, 28)))[0], 60);
  EXPECT_GT(cv::mean(upright(cv::Rect(0, 36, 32, 28)))[0], 200);
  // Without the tag the same pixels stay landscape.
  EXPECT_EQ(decode_photo(encode(image, ".jpg"), "plain.jpg").size(), cv::Size(64, 32));
}

TEST(ReadPhoto, AllEightOrientationsInBothByteOrdersComeOutUpright) {
  const cv::Mat stored = test::quadrant_image();
  std::vector<int> params{cv::IMWRITE_JPEG_QUALITY, 100};
  std::vector<uchar> jpeg;
  ASSERT_TRUE(cv::imencode(".jpg", stored, jpeg, params));
  const std::string bytes(jpeg.begin(), jpeg.end());
  for (const bool big_endian : {true, false}) {
    for (int orientation = 1; orientation <= 8; ++orientation) {
      SCOPED_TRACE("orientation " + std::to_string(orientation) + (big_endian ? " (MM)" : " (II)"));
      const cv::Mat upright = decode_photo(with_exif_orientation(bytes, orientation, big_endian), "tagged.jpg");
      const cv::Mat expected = test::upright_for_orientation(stored, orientation);
      ASSERT_EQ(upright.size(), expected.size());
      cv::Mat diff;
      cv::absdiff(upright, expected, diff);
      // JPEG at quality 100 moves colours a little at the quadrant edges; a wrong turn moves them by ~200.
      EXPECT_LT(cv::mean(diff)[0] + cv::mean(diff)[1] + cv::mean(diff)[2], 12.0);
    }
  }
}

TEST(TensorImage, ColourOrderIsRgbInTensorsAndBgrInMats) {
  // One pure red BGR pixel (0, 0, 255): channel 0 of the tensor is red, and it comes back as BGR red.
  cv::Mat red(2, 3, CV_8UC3, cv::Scalar(0, 0, 255));
  red.at<cv::Vec3b>(1, 2) = cv::Vec3b(255, 0, 0);  // one blue pixel, to see positions too
  const torch::Tensor t = bgr_to_tensor(red);
  ASSERT_EQ(t.sizes(), (std::vector<int64_t>{1, 3, 2, 3}));
  EXPECT_FLOAT_EQ(t[0][0][0][0].item<float>(), 1.f);   // R of the red pixel
  EXPECT_FLOAT_EQ(t[0][2][0][0].item<float>(), -1.f);  // B of the red pixel
  EXPECT_FLOAT_EQ(t[0][2][1][2].item<float>(), 1.f);   // B of the blue pixel at row 1, column 2
  EXPECT_FLOAT_EQ(t[0][0][1][2].item<float>(), -1.f);
  const cv::Mat back = tensor_to_bgr(t);
  EXPECT_EQ(back.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 255));
  EXPECT_EQ(back.at<cv::Vec3b>(1, 2), cv::Vec3b(255, 0, 0));
  // Mid-grey round-trips to within one level, and values outside [-1, 1] are clamped.
  cv::Mat grey(1, 1, CV_8UC3, cv::Scalar(128, 64, 200));
  EXPECT_EQ(tensor_to_bgr(bgr_to_tensor(grey)).at<cv::Vec3b>(0, 0), cv::Vec3b(128, 64, 200));
  EXPECT_EQ(tensor_to_bgr(torch::full({3, 1, 1}, 5.f)).at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
}

TEST(ReadPhoto, ConvertsGrayscaleTo3Channels) {
  cv::Mat gray(40, 50, CV_8UC1);
  cv::randu(gray, 0, 256);
  const cv::Mat bgr = decode_photo(encode(gray, ".png"), "gray.png");
  ASSERT_EQ(bgr.type(), CV_8UC3);
  std::vector<cv::Mat> ch;
  cv::split(bgr, ch);
  EXPECT_EQ(cv::norm(ch[0], gray, cv::NORM_INF), 0);
  EXPECT_EQ(cv::norm(ch[2], gray, cv::NORM_INF), 0);
}

TEST(ReadPhoto, Converts16BitTo8Bit) {
  cv::Mat wide(20, 30, CV_16UC3, cv::Scalar(257 * 10, 257 * 100, 257 * 200));
  const cv::Mat bgr = decode_photo(encode(wide, ".png"), "wide.png");
  ASSERT_EQ(bgr.type(), CV_8UC3);
  const cv::Scalar m = cv::mean(bgr);
  EXPECT_NEAR(m[0], 10, 1);
  EXPECT_NEAR(m[1], 100, 1);
  EXPECT_NEAR(m[2], 200, 1);
}

TEST(ReadPhoto, DropsAlpha) {
  cv::Mat rgba(10, 10, CV_8UC4, cv::Scalar(1, 2, 3, 0));
  const cv::Mat bgr = decode_photo(encode(rgba, ".png"), "alpha.png");
  EXPECT_EQ(bgr.type(), CV_8UC3);
}

TEST(ReadPhoto, PeeksSizesWithoutDecoding) {
  const cv::Mat image(30, 70, CV_8UC3, cv::Scalar(9, 9, 9));
  EXPECT_EQ(peek_photo_size(encode(image, ".png")), cv::Size(70, 30));
  EXPECT_EQ(peek_photo_size(encode(image, ".jpg")), cv::Size(70, 30));
  EXPECT_EQ(peek_photo_size(encode(image, ".bmp")), cv::Size(70, 30));
  EXPECT_EQ(peek_photo_size(encode(image, ".tiff")), cv::Size(70, 30));
  EXPECT_EQ(peek_photo_size(encode(image, ".webp")), cv::Size(70, 30));
  EXPECT_EQ(peek_photo_size("not an image"), cv::Size(-1, -1));
  // A BMP's negative height (rows top-down) is its size; the most negative one is clamped like any huge size.
  std::string bmp = encode(image, ".bmp");
  for (const std::int32_t height : {-30, std::numeric_limits<std::int32_t>::min()}) {
    std::memcpy(&bmp[22], &height, 4);  // BMP headers are little-endian, as this machine
    EXPECT_EQ(peek_photo_size(bmp).height, height == -30 ? 30 : 1 << 30);
  }
}

TEST(ReadPhoto, WritesAtomicallyAndReadsBack) {
  const std::string dir = test::scratch_dir("photo");
  write_photo(dir + "/a.png", test::astronaut());
  EXPECT_EQ(cv::norm(read_photo(dir + "/a.png"), test::astronaut(), cv::NORM_INF), 0);
  EXPECT_THROW(write_photo(dir + "/a.xyz", test::astronaut()), Error);
}


std::string data(const std::string& name) { return test::source_dir() + "/tests/data/face/" + name; }

// Expects facet::Error whose message contains `part`.
template <typename F>
void expect_error(F&& f, const std::string& part) {
  try {
    f();
    ADD_FAILURE() << "no error; expected one mentioning '" << part << "'";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
  }
}

TEST(ReadPhotoBadInput, CmykJpegBecomesBgrWithTheRightColours) {
  const cv::Mat cmyk = read_photo(data("astronaut_cmyk.jpg"));
  ASSERT_EQ(cmyk.type(), CV_8UC3);
  ASSERT_EQ(cmyk.size(), cv::Size(256, 256));
  cv::Mat small;
  cv::resize(test::astronaut(), small, cv::Size(256, 256), 0, 0, cv::INTER_AREA);
  EXPECT_LT(test::mean_abs_error(cmyk, small), 8.0);  // inverted or swapped channels would be ~100 off
}

TEST(ReadPhotoBadInput, HugePngIsRefusedBeforeDecoding) {
  // A real 12000² PNG: refused from its header, so no 432 MB buffer is ever allocated.
  expect_error([] { read_photo(data("huge_12000.png")); }, "12000×12000 (144 megapixels)");
  // The same header with no pixel data behind it: the size message (not "corrupt") proves no decoding ran.
  std::string bytes = io::read_file(data("huge_12000.png")).substr(0, 64);
  expect_error([&] { decode_photo(bytes, "cut.png"); }, "megapixels");
}

TEST(ReadPhotoBadInput, HugeJpegIsRefusedBeforeDecoding) {
  std::string jpeg = encode(cv::Mat(8, 8, CV_8UC3, cv::Scalar(1, 2, 3)), ".jpg");
  const size_t sof = jpeg.find("\xFF\xC0");
  ASSERT_NE(sof, std::string::npos);
  jpeg[sof + 5] = char(12000 >> 8), jpeg[sof + 6] = char(12000 & 0xFF);  // height
  jpeg[sof + 7] = char(12000 >> 8), jpeg[sof + 8] = char(12000 & 0xFF);  // width
  EXPECT_EQ(peek_photo_size(jpeg), cv::Size(12000, 12000));
  expect_error([&] { decode_photo(jpeg, "huge.jpg"); }, "megapixels");
}

TEST(ReadPhotoBadInput, CorruptFilesAreClearErrors) {
  const std::string dir = test::scratch_dir("badphoto");
  io::write_file_atomic(dir + "/garbage.jpg", std::string(5000, 'x'));
  expect_error([&] { read_photo(dir + "/garbage.jpg"); }, "not a readable image");
  const std::string png = encode(test::astronaut(), ".png");
  io::write_file_atomic(dir + "/truncated.png", png.substr(0, png.size() / 3));
  expect_error([&] { read_photo(dir + "/truncated.png"); }, "truncated.png");
  io::write_file_atomic(dir + "/empty.png", "");
  expect_error([&] { read_photo(dir + "/empty.png"); }, "empty");
  expect_error([&] { read_photo(dir); }, "folder");
  expect_error([&] { read_photo(dir + "/missing.png"); }, "missing.png");
  std::string zero = png;
  zero[16] = zero[17] = zero[18] = zero[19] = 0;  // IHDR width 0
  expect_error([&] { decode_photo(zero, "zero.png"); }, "damaged");
}

}  // namespace
}  // namespace facet::face
