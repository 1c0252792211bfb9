// The photo flow every client calls: faces found and chosen, the one alignment and encoder-input recipe, the
// embedding (encoder, optional refinement, cancel), on the sample photo, the fixture generator and a random pSp
// encoder sized for it.
#include <atomic>

#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "core/face/photo.h"
#include "core/face/tensor_image.h"
#include "core/io/error.h"
#include "core/models/model_registry.h"
#include "core/pipeline/photo_pipeline.h"
#include "tests/support/encoder_checkpoint.h"
#include "tests/support/test_support.h"

using namespace facet;

namespace {

const pipeline::PhotoFaces& sample() {
  static const pipeline::PhotoFaces found = pipeline::find_faces(test::source_dir() + "/resources/astronaut.png");
  return found;
}

// The fixture generator and a random encoder for it (written once per test binary: the IR-SE50 trunk is large).
const pipeline::EmbedModels& fixture_models() {
  static const pipeline::EmbedModels models = [] {
    pipeline::EmbedModels m;
    m.generator = models::load_generator(test::fixture("stylegan2/g_small_zip.pt"), torch::kCPU);
    test::EncoderCheckpointSpec spec;
    spec.latent_avg = m.generator->latent_avg();
    const std::string path = test::scratch_dir("pipeline-encoder") + "/psp_small_random.pt";
    test::write_encoder_checkpoint(path, spec);
    m.encoder = models::load_encoder(path, torch::kCPU);
    return m;
  }();
  return models;
}

}  // namespace

TEST(PhotoPipeline, FindsTheSampleFaceAndNamesWrongChoices) {
  ASSERT_GE(sample().faces.size(), 1u);
  EXPECT_EQ(&pipeline::choose_face(sample().faces, 0, "astronaut.png"), &sample().faces[0]);
  try {
    pipeline::choose_face(sample().faces, 7, "astronaut.png");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("face 7 asked, but 1 face(s) were found"), std::string::npos) << e.what();
  }
  EXPECT_THROW(pipeline::choose_face({}, 0, "blank.png"), Error);
}

TEST(PhotoPipeline, EncoderInputIsTheFaceAlignedAtTheEncodersSize) {
  const cv::Mat& photo = sample().photo;
  const face::Face& face = sample().faces.at(0);
  const torch::Tensor at256 = face::bgr_to_tensor(pipeline::align_face(photo, face, 256).image);
  // A small generator's crop is aligned again at 256² rather than enlarged.
  const auto small = pipeline::align_face(photo, face, 64);
  EXPECT_TRUE(torch::equal(pipeline::encoder_input(photo, face, small, 256, torch::kCPU), at256));
  // A large one is area-averaged down.
  const auto large = pipeline::align_face(photo, face, 512);
  cv::Mat shrunk;
  cv::resize(large.image, shrunk, cv::Size(256, 256), 0, 0, cv::INTER_AREA);
  const torch::Tensor input = pipeline::encoder_input(photo, face, large, 256, torch::kCPU);
  EXPECT_TRUE(torch::equal(input, face::bgr_to_tensor(shrunk)));
  // Both views of the same face agree closely: same alignment, different resampling.
  EXPECT_LT((input - at256).abs().mean().item<double>(), 0.05);
}

TEST(PhotoPipeline, EmbedFaceIsTheEncodersCodeOfTheAlignedFace) {
  FACET_REQUIRE_FIXTURES();
  const auto& m = fixture_models();
  const cv::Mat& photo = sample().photo;
  const face::Face& face = sample().faces.at(0);
  const pipeline::EmbeddedFace e = pipeline::embed_face(photo, face, m);
  EXPECT_TRUE(e.encoded);
  EXPECT_FALSE(e.cancelled);
  EXPECT_EQ(e.aligned.image.cols, 64);  // aligned at the generator's size, for rendering and pasting back
  EXPECT_EQ(e.refined.steps_done, 0);
  torch::NoGradGuard no_grad;
  const auto aligned = pipeline::align_face(photo, face, 64);
  const torch::Tensor expected = m.encoder->encode(pipeline::encoder_input(photo, face, aligned, 256, torch::kCPU));
  ASSERT_EQ(e.wplus.sizes(), expected.sizes());
  EXPECT_TRUE(torch::equal(e.wplus, expected));
}

TEST(PhotoPipeline, RefinementStartsFromTheEncoderAndKeepsItsBestWhenStopped) {
  FACET_REQUIRE_FIXTURES();
  const auto& m = fixture_models();
  const cv::Mat& photo = sample().photo;
  const face::Face& face = sample().faces.at(0);
  const torch::Tensor encoded = pipeline::embed_face(photo, face, m).wplus;
  pipeline::EmbedSettings settings;
  settings.refine_steps = 3;
  settings.refine.keep_best = true;
  int started = 0, steps = 0;
  pipeline::EmbedControl control;
  control.refinement_started = [&] { ++started; };
  control.progress = [&](const embed::EmbedProgress&) { ++steps; };
  const pipeline::EmbeddedFace refined = pipeline::embed_face(photo, face, m, settings, control);
  EXPECT_EQ(started, 1);
  EXPECT_EQ(steps, 3);
  EXPECT_EQ(refined.refined.steps_done, 3);
  EXPECT_FALSE(torch::equal(refined.wplus, encoded));
  EXPECT_LT((refined.wplus - encoded).abs().max().item<double>(), 0.1);  // three small Adam steps
  // Stopped before the first step: the best code is the start, the encoder's.
  std::atomic<bool> stop{true};
  control.stop_refinement = &stop;
  const pipeline::EmbeddedFace stopped = pipeline::embed_face(photo, face, m, settings, control);
  EXPECT_EQ(stopped.refined.steps_done, 0);
  EXPECT_TRUE(torch::allclose(stopped.wplus, encoded));
}

TEST(PhotoPipeline, CancelDropsTheCodeAndNoEncoderNoStepsIsAnError) {
  FACET_REQUIRE_FIXTURES();
  const auto& m = fixture_models();
  std::atomic<bool> cancel{true};
  pipeline::EmbedControl control;
  control.cancel = &cancel;
  const pipeline::EmbeddedFace e = pipeline::embed_face(sample().photo, sample().faces.at(0), m, {}, control);
  EXPECT_TRUE(e.cancelled);
  EXPECT_FALSE(e.wplus.defined());
  pipeline::EmbedModels generator_only;
  generator_only.generator = m.generator;
  try {
    pipeline::embed_face(sample().photo, sample().faces.at(0), generator_only);
    FAIL();
  } catch (const Error& err) {
    EXPECT_NE(std::string(err.what()).find("e4e_ffhq_encode.pt"), std::string::npos) << err.what();
  }
  // Refinement alone starts from the average face.
  pipeline::EmbedSettings settings;
  settings.refine_steps = 1;
  const auto refined = pipeline::embed_face(sample().photo, sample().faces.at(0), generator_only, settings);
  EXPECT_FALSE(refined.encoded);
  EXPECT_EQ(refined.refined.steps_done, 1);
}
