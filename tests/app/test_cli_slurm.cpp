// submit slurm on a real single-node Slurm (tests/app/slurm/with_slurm.sh starts it around this program): three
// shards and the merge job give exactly what one process writes (apply, tune, evaluate, train transformer, text
// statistics, label); a failed shard shows, and a resubmission redoes only what is unfinished.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/io/atomic_file.h"
#include "core/io/npy.h"
#include "tests/app/batch_fixture.h"
#include "tests/core/nn/faceapi/faceapi_models_dir.h"

namespace {

namespace fs = std::filesystem;
using facet::test::run_command;
using nlohmann::json;

std::string cli() { return FACET_CLI; }

#define REQUIRE_SLURM()                                                                    \
  if (const char* why = std::getenv("FACET_SLURM_UNAVAILABLE")) GTEST_SKIP() << why;       \
  if (!std::getenv("SLURM_CONF")) GTEST_SKIP() << "not run by tests/app/slurm/with_slurm.sh"

struct Submitted {
  std::string array_job, merge_job;
};

Submitted submit(const std::string& command) {
  auto r = run_command(cli() + " submit slurm --shards 3 --json -- " + command, false);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  if (r.exit_code != 0) return {};
  const json j = json::parse(r.output);
  return {j["array_job"], j["merge_job"]};
}

// Waits until none of the jobs (ids separated by commas) is pending or running (at most five minutes: a loaded
// machine).
void wait_for_jobs(const std::string& ids) {
  for (int i = 0; i < 3000; ++i) {
    auto r = run_command("squeue -h -o %i -j " + ids + " 2>/dev/null", false);
    if (r.output.find_first_not_of(" \n") == std::string::npos) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "jobs " << ids << " still queued after five minutes";
}
void wait_for(const Submitted& s) { wait_for_jobs(s.array_job + "," + s.merge_job); }

// JobState of each task of an array job (or of a plain job), as scontrol reports it.
std::vector<std::string> job_states(const std::string& id) {
  auto r = run_command("scontrol -o show job " + id, false);
  std::vector<std::string> states;
  for (size_t at = r.output.find("JobState="); at != std::string::npos; at = r.output.find("JobState=", at + 1))
    states.push_back(r.output.substr(at + 9, r.output.find(' ', at) - at - 9));
  return states;
}

std::string logs(const std::string& out) {
  std::string text;
  for (const auto& e : fs::directory_iterator(out + "/slurm"))
    if (e.path().extension() == ".out")
      text += e.path().filename().string() + ":\n" + facet::io::read_file(e.path().string());
  return text;
}

std::vector<json> comparable(const std::string& report) {
  auto lines = facet::test::without_timings(facet::test::report_lines(report));
  for (auto& l : lines) l["output"] = fs::path(l["output"].get<std::string>()).filename().string();
  return lines;
}

TEST(Slurm, ApplyBatchInThreeShardsMatchesOneProcess) {
  FACET_REQUIRE_FIXTURES();
  REQUIRE_SLURM();
  const std::string photos = facet::test::batch_photos("slurm_photos");
  const std::string args = facet::test::apply_fixture_args() + " --no-identity";
  const std::string whole = facet::test::scratch_dir("slurm_whole"), split = facet::test::scratch_dir("slurm_split");
  ASSERT_EQ(run_command(cli() + " apply " + photos + args + " --out " + whole).exit_code, 0);
  const Submitted s = submit("apply " + photos + args + " --out " + split);
  ASSERT_FALSE(s.array_job.empty());
  wait_for(s);
  EXPECT_EQ(job_states(s.array_job), (std::vector<std::string>{"COMPLETED", "COMPLETED", "COMPLETED"})) << logs(split);
  EXPECT_EQ(job_states(s.merge_job), (std::vector<std::string>{"COMPLETED"})) << logs(split);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(fs::exists(split + "/parts/shard-" + std::to_string(i) + "-of-3/part.json"));
  facet::test::expect_same_files(whole, split);
  EXPECT_EQ(comparable(whole + "/report.jsonl"), comparable(split + "/report.jsonl"));
}

TEST(Slurm, AFailedShardIsReportedAndAResubmissionRedoesOnlyTheUnfinished) {
  FACET_REQUIRE_FIXTURES();
  REQUIRE_SLURM();
  const std::string photos = facet::test::batch_photos("slurm_fail_photos");
  facet::io::write_file_atomic(photos + "/b.jpg", "damaged in transfer");  // item 1: shard 1 of 3
  const std::string args = facet::test::apply_fixture_args() + " --no-identity";
  const std::string out = facet::test::scratch_dir("slurm_fail_out");
  Submitted s = submit("apply " + photos + args + " --out " + out);
  ASSERT_FALSE(s.array_job.empty());
  wait_for_jobs(s.array_job);  // the merge never becomes eligible (afterok)
  const auto states = job_states(s.array_job);
  EXPECT_EQ(std::count(states.begin(), states.end(), "FAILED"), 1) << logs(out);
  EXPECT_EQ(std::count(states.begin(), states.end(), "COMPLETED"), 2) << logs(out);
  EXPECT_NE(logs(out).find("1 failed"), std::string::npos) << logs(out);
  run_command("scancel " + s.merge_job);
  wait_for_jobs(s.merge_job);
  EXPECT_FALSE(fs::exists(out + "/report.jsonl")) << "the merge ran although a shard failed";
  const auto first = facet::test::report_lines(out + "/parts/shard-0-of-3/report.jsonl");
  ASSERT_EQ(first.size(), 2u);  // items 0 and 3
  const auto stamp = fs::last_write_time(out + "/a.png");

  // The photo is sent again; the same submission edits it alone, then merges.
  fs::copy_file(photos + "/a.png", photos + "/b.jpg", fs::copy_options::overwrite_existing);
  s = submit("apply " + photos + args + " --out " + out);
  wait_for(s);
  EXPECT_EQ(job_states(s.merge_job), (std::vector<std::string>{"COMPLETED"})) << logs(out);
  EXPECT_EQ(fs::last_write_time(out + "/a.png"), stamp) << "a done photo was edited again";
  EXPECT_EQ(facet::test::report_lines(out + "/parts/shard-0-of-3/report.jsonl"), first);
  const auto merged = facet::test::report_lines(out + "/report.jsonl");
  ASSERT_EQ(merged.size(), 4u);
  for (const auto& l : merged) EXPECT_EQ(l["status"], "done") << l;
  EXPECT_EQ(merged[0], first[0]) << "carried over, not redone";
  EXPECT_TRUE(fs::exists(out + "/b.jpg"));
}

TEST(Slurm, EvaluateInThreeShardsMatchesOneProcess) {
  FACET_REQUIRE_FIXTURES();
  REQUIRE_SLURM();
  const std::string dir = facet::test::scratch_dir("slurm_evaluate");
  torch::manual_seed(5);
  facet::io::write_npy(dir + "/w.npy", torch::randn({10, 10, 128}));
  const std::string args = "evaluate --json --attrs 15 --steps 3 --batch 3 --latents " + dir + "/w.npy --classifier " +
                           facet::test::fixture("latent_transformer/latent_classifier.pth") + " --transformers " +
                           facet::test::fixture("latent_transformer");
  const auto one = run_command(cli() + " " + args + " --out " + dir + "/whole", false);
  ASSERT_EQ(one.exit_code, 0) << one.output;
  const Submitted s = submit(args + " --out " + dir + "/split");
  ASSERT_FALSE(s.array_job.empty());
  wait_for(s);
  EXPECT_EQ(job_states(s.array_job), (std::vector<std::string>{"COMPLETED", "COMPLETED", "COMPLETED"})) << logs(dir + "/split");
  EXPECT_EQ(job_states(s.merge_job), (std::vector<std::string>{"COMPLETED"})) << logs(dir + "/split");
  EXPECT_TRUE(facet::io::read_file(dir + "/whole/evaluation.json") == facet::io::read_file(dir + "/split/evaluation.json"))
      << logs(dir + "/split");
}

// Every file of `whole` with this extension has the same bytes in `split`; how many there were.
int expect_same_bytes(const std::string& whole, const std::string& split, const std::string& extension) {
  int files = 0;
  for (const auto& e : fs::directory_iterator(whole)) {
    if (!e.is_regular_file() || e.path().extension() != extension) continue;
    ++files;
    const std::string name = e.path().filename().string();
    EXPECT_TRUE(facet::io::read_file(e.path().string()) == facet::io::read_file(split + "/" + name)) << name << " differs";
  }
  return files;
}

// Each photo tuned on its own: the shards' .tuned files are those of one process, byte for byte.
TEST(Slurm, TuneEachPhotoInThreeShardsMatchesOneProcess) {
  FACET_REQUIRE_FIXTURES();
  REQUIRE_SLURM();
  const std::string photos = facet::test::batch_photos("slurm_tune_photos");
  const std::string args = " --aligned --generator " + facet::test::fixture("stylegan2/g_small_zip.pt") +
                           " --pivot-steps 2 --steps 3 --loss l2 --quiet";
  const std::string whole = facet::test::scratch_dir("slurm_tune_whole");
  const std::string split = facet::test::scratch_dir("slurm_tune_split");
  ASSERT_EQ(run_command(cli() + " tune " + photos + args + " --out " + whole).exit_code, 0);
  const Submitted s = submit("tune " + photos + args + " --out " + split);
  ASSERT_FALSE(s.array_job.empty());
  wait_for(s);
  EXPECT_EQ(job_states(s.array_job), (std::vector<std::string>{"COMPLETED", "COMPLETED", "COMPLETED"})) << logs(split);
  EXPECT_EQ(job_states(s.merge_job), (std::vector<std::string>{"COMPLETED"})) << logs(split);
  EXPECT_EQ(expect_same_bytes(whole, split, ".tuned"), 4) << logs(split);
  auto a = comparable(whole + "/report.jsonl"), b = comparable(split + "/report.jsonl");
  for (auto* lines : {&a, &b})
    for (auto& l : *lines) l.erase("ms_per_step");
  EXPECT_EQ(a, b);
}

TEST(Slurm, TrainTransformersInThreeShardsMatchOneProcess) {
  FACET_REQUIRE_FIXTURES();
  REQUIRE_SLURM();
  const std::string dir = facet::test::scratch_dir("slurm_train");
  torch::manual_seed(6);
  facet::io::write_npy(dir + "/w.npy", torch::randn({64, 4, 8}));
  facet::io::write_npy(dir + "/l.npy", torch::randn({64, 40}).gt(0).to(torch::kFloat32));
  ASSERT_EQ(run_command(cli() + " train classifier --epochs 1 --latents " + dir + "/w.npy --labels " + dir +
                        "/l.npy --out " + dir + "/c.pth").exit_code, 0);
  const std::string args = "train transformer --attrs Smiling,Male,Young,Eyeglasses --max-steps 2 --batch 16 --latents " +
                           dir + "/w.npy --labels " + dir + "/l.npy --classifier " + dir + "/c.pth";
  ASSERT_EQ(run_command(cli() + " " + args + " --out " + dir + "/whole").exit_code, 0);
  const Submitted s = submit(args + " --out " + dir + "/split");
  ASSERT_FALSE(s.array_job.empty());
  wait_for(s);
  EXPECT_EQ(job_states(s.merge_job), (std::vector<std::string>{"COMPLETED"})) << logs(dir + "/split");
  // The weights; their resume files name tensors by address, so only their presence is compared.
  EXPECT_EQ(expect_same_bytes(dir + "/whole", dir + "/split", ".tar"), 4) << logs(dir + "/split");
  EXPECT_TRUE(fs::exists(dir + "/split/tnet_15.pth.tar.resume"));
}

TEST(Slurm, TextStatisticsInThreeShardsMatchOneProcess) {
  FACET_REQUIRE_FIXTURES();
  REQUIRE_SLURM();
  const std::string dir = facet::test::scratch_dir("slurm_text_statistics");
  const std::string clip = facet::test::source_dir() + "/tests/data/clip/";
  const std::string args = "text statistics --generator " + facet::test::fixture("stylegan2/g_small_zip.pt") +
                           " --clip " + clip + "clip_standin.pt --vocab " + clip + "tiny_merges.txt" +
                           " --samples 2 --std-samples 16 --max-channels 8 --batch 3";
  ASSERT_EQ(run_command(cli() + " " + args + " --out " + dir + "/whole").exit_code, 0);
  const Submitted s = submit(args + " --out " + dir + "/split");
  ASSERT_FALSE(s.array_job.empty());
  wait_for(s);
  EXPECT_EQ(job_states(s.merge_job), (std::vector<std::string>{"COMPLETED"})) << logs(dir + "/split");
  EXPECT_EQ(expect_same_bytes(dir + "/whole", dir + "/split", ".pt"), 1) << logs(dir + "/split");
}

TEST(Slurm, LabelInThreeShardsMatchesOneProcess) {
  FACET_REQUIRE_FIXTURES();
  REQUIRE_SLURM();
  if (facet::test::faceapi_models_dir().empty())
    GTEST_SKIP() << "face-api model files not found (./facet.sh test unpacks them; or FACET_FACEAPI_DIR)";
  const std::string args = " label --generator " + facet::test::fixture("stylegan2/g_small_zip.pt") + " --faceapi " +
                           facet::test::faceapi_models_dir() + " --count 7 --seed 3";
  const std::string whole = facet::test::scratch_dir("slurm_label_whole"),
                    split = facet::test::scratch_dir("slurm_label_split");
  ASSERT_EQ(run_command(cli() + args + " --out " + whole).exit_code, 0);
  const Submitted s = submit(args.substr(1) + " --out " + split);
  ASSERT_FALSE(s.array_job.empty());
  wait_for(s);
  EXPECT_EQ(job_states(s.merge_job), (std::vector<std::string>{"COMPLETED"})) << logs(split);
  for (const char* f : {"W.npy", "L.npy", "faceapi.npy"})
    EXPECT_TRUE(facet::io::read_file(whole + "/" + f) == facet::io::read_file(split + "/" + f)) << f << " differs";
  json a = json::parse(facet::io::read_file(whole + "/labels.json"));
  json b = json::parse(facet::io::read_file(split + "/labels.json"));
  a.erase("ms_per_face");
  b.erase("ms_per_face");
  EXPECT_EQ(a, b);
}

}  // namespace
