// Resumable training: a run stopped (Ctrl-C or a crash after a periodic checkpoint) and resumed ends with exactly
// the weights of an uninterrupted run with the same seed; the weights file stays in the authors' layout.
#include <filesystem>

#include <torch/torch.h>

#include "core/edit/training.h"
#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "tests/core/edit/planted_data.h"
#include "tests/support/test_support.h"

using namespace facet::edit;
using facet::test::planted;

namespace {
facet::nn::LatentClassifier fresh_classifier(uint64_t init_seed) {
  torch::manual_seed(init_seed);
  return facet::nn::LatentClassifier(std::vector<int64_t>{16, 32, 40});
}

bool same_parameters(torch::nn::Module& a, torch::nn::Module& b) {
  auto pa = a.named_parameters(), pb = b.named_parameters();
  if (pa.size() != pb.size()) return false;
  for (const auto& item : pa)
    if (!torch::allclose(item.value(), pb[item.key()], 0, 1e-7)) return false;
  return true;
}

struct Crash {};
}  // namespace

TEST(Resume, ClassifierStoppedAndResumedMatchesAnUninterruptedRun) {
  auto data = planted(200, 2, 8, 4);
  ClassifierTrainOptions o;
  o.epochs = 3;
  o.batch = 16;
  o.seed = 9;
  auto reference = fresh_classifier(1);
  auto full = train_classifier(reference, data.latents, data.labels, o);
  EXPECT_EQ(full.steps, 3 * 12);  // 180 training samples, batch 16

  // Ctrl-C after step 17: the cancel flag is seen before step 18, which is where the resume starts.
  const std::string dir = facet::test::scratch_dir("resume_classifier");
  std::atomic<bool> cancel{false};
  ClassifierTrainOptions stopped = o;
  stopped.cancel = &cancel;
  stopped.checkpoint.weights_path = dir + "/c.pth";
  stopped.progress = [&](const TrainProgress& p) { if (p.step == 17) cancel = true; };
  auto first = fresh_classifier(1);
  auto part = train_classifier(first, data.latents, data.labels, stopped);
  EXPECT_TRUE(part.cancelled);
  EXPECT_EQ(part.steps, 17);
  ASSERT_TRUE(std::filesystem::exists(resume_path(stopped.checkpoint.weights_path)));
  // The weights file is the authors' state dict, loadable on its own.
  auto loaded = facet::nn::load_latent_classifier(stopped.checkpoint.weights_path);
  EXPECT_TRUE(same_parameters(*loaded, *first));
  EXPECT_FALSE(same_parameters(*loaded, *reference));

  ClassifierTrainOptions resumed = o;
  resumed.checkpoint.weights_path = stopped.checkpoint.weights_path;
  resumed.checkpoint.resume = true;
  int64_t first_step = -1;
  resumed.progress = [&](const TrainProgress& p) { if (first_step < 0) first_step = p.step; };
  auto second = fresh_classifier(2);  // a different start: everything must come from the checkpoint
  auto rest = train_classifier(second, data.latents, data.labels, resumed);
  EXPECT_EQ(rest.resumed_from, 17);
  EXPECT_EQ(first_step, 18);
  EXPECT_EQ(rest.steps, full.steps);
  EXPECT_TRUE(same_parameters(*second, *reference)) << "resumed run differs from the uninterrupted one";
  EXPECT_NEAR(rest.mean_accuracy, full.mean_accuracy, 1e-12);

  // Another seed or batch than the saved run is refused with a message.
  resumed.seed = 10;
  EXPECT_THROW(train_classifier(second, data.latents, data.labels, resumed), facet::Error);
}

TEST(Resume, TransformerResumesFromAPeriodicCheckpointAfterACrash) {
  auto data = planted(192, 2, 8, 6);
  auto c = fresh_classifier(3);
  c->eval();
  TransformerTrainOptions o;
  o.epochs = 4;
  o.batch = 32;
  o.step_size = 2;  // the learning rate drops after epoch 2: the resume must follow the schedule
  o.seed = 5;
  torch::manual_seed(4);
  facet::nn::LatentTransformer reference(2, 8);
  auto full = train_transformer(reference, c, data.latents, data.labels, 31, o);
  EXPECT_EQ(full.steps, 24);

  const std::string dir = facet::test::scratch_dir("resume_transformer");
  TransformerTrainOptions crashing = o;
  crashing.checkpoint.weights_path = dir + "/tnet_31.pth.tar";
  crashing.checkpoint.every = 5;
  crashing.progress = [](const TrainProgress& p) { if (p.step == 13) throw Crash{}; };
  torch::manual_seed(4);
  facet::nn::LatentTransformer first(2, 8);
  EXPECT_THROW(train_transformer(first, c, data.latents, data.labels, 31, crashing), Crash);

  TransformerTrainOptions resumed = o;
  resumed.checkpoint.weights_path = crashing.checkpoint.weights_path;
  resumed.checkpoint.resume = true;
  torch::manual_seed(8);
  facet::nn::LatentTransformer second(2, 8);
  auto rest = train_transformer(second, c, data.latents, data.labels, 31, resumed);
  EXPECT_EQ(rest.resumed_from, 10);  // the last periodic checkpoint before the crash
  EXPECT_EQ(rest.steps, 24);
  EXPECT_TRUE(same_parameters(*second, *reference));
  EXPECT_NEAR(rest.last.loss, full.last.loss, 1e-6);
  auto loaded = facet::nn::load_latent_transformer(resumed.checkpoint.weights_path);
  EXPECT_TRUE(same_parameters(*loaded, *reference));

  // A transformer side file does not resume another attribute.
  EXPECT_THROW(train_transformer(second, c, data.latents, data.labels, 20, resumed), facet::Error);
}
