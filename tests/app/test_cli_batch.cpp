// facet-cli apply and tune on a folder, list or manifest; --shard and merge on one machine (apply, tune,
// evaluate); submit's scripts and manifests.
#include <chrono>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/io/npy.h"

#include "tests/app/batch_fixture.h"

namespace {

namespace fs = std::filesystem;
using facet::test::run_command;
using nlohmann::json;

std::string cli() { return FACET_CLI; }
std::string apply_batch(const std::string& source, const std::string& out, const std::string& extra = "") {
  return cli() + " apply " + source + facet::test::apply_fixture_args() + " --no-identity --out " + out + extra;
}

TEST(CliBatch, EditsEveryPhotoReportsEachAndOneBadPhotoNeverStopsTheBatch) {
  FACET_REQUIRE_FIXTURES();
  const std::string photos = facet::test::batch_photos("batch_photos");
  facet::io::write_file_atomic(photos + "/broken.png", "not a photo");
  cv::imwrite(photos + "/e_blank.png", cv::Mat(200, 200, CV_8UC3, cv::Scalar(128, 128, 128)));
  const std::string out = facet::test::scratch_dir("batch_out");
  auto r = run_command(apply_batch(photos, out));
  EXPECT_EQ(r.exit_code, 1) << "some photos failed: " << r.output;
  EXPECT_NE(r.output.find("4 of 6 photos done, 2 failed"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("photos/min"), std::string::npos) << "progress line: " << r.output;
  const auto lines = facet::test::report_lines(out + "/report.jsonl");
  ASSERT_EQ(lines.size(), 6u);
  const std::vector<std::string> names{"a.png", "b.jpg", "broken.png", "c.png", "d.png", "e_blank.png"};
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i]["item"], i);
    EXPECT_EQ(fs::path(lines[i]["photo"].get<std::string>()).filename().string(), names[i]);
    EXPECT_GT(lines[i]["seconds"].get<double>(), 0);
  }
  EXPECT_EQ(lines[0]["status"], "done");
  EXPECT_EQ(lines[0]["face_found"], true);
  EXPECT_EQ(lines[0]["faces"], 1);
  EXPECT_EQ(lines[2]["status"], "failed");
  EXPECT_TRUE(lines[2]["face_found"].is_null()) << "an unreadable photo was never searched";
  EXPECT_FALSE(lines[2]["error"].get<std::string>().empty());
  EXPECT_EQ(lines[5]["status"], "failed");
  EXPECT_EQ(lines[5]["face_found"], false);
  EXPECT_NE(lines[5]["error"].get<std::string>().find("face"), std::string::npos) << lines[5];
  EXPECT_FALSE(fs::exists(out + "/broken.png"));
  // Each edited photo is what a single apply writes.
  const std::string single = facet::test::scratch_dir("batch_single") + "/c.png";
  ASSERT_EQ(run_command(cli() + " apply " + photos + "/c.png" + facet::test::apply_fixture_args() + " --out " + single)
                .exit_code, 0);
  EXPECT_TRUE(facet::io::read_file(single) == facet::io::read_file(out + "/c.png"));

  // A rerun edits only what is not done: the blank photo gets a face, the broken one stays broken.
  const auto stamp = fs::last_write_time(out + "/a.png");
  fs::copy_file(photos + "/c.png", photos + "/e_blank.png", fs::copy_options::overwrite_existing);
  r = run_command(apply_batch(photos, out));
  EXPECT_NE(r.output.find("6 photo(s), 4 already done, 2 to edit"), std::string::npos) << r.output;
  EXPECT_EQ(fs::last_write_time(out + "/a.png"), stamp) << "a done photo was edited again";
  const auto again = facet::test::report_lines(out + "/report.jsonl");
  ASSERT_EQ(again.size(), 6u);
  EXPECT_EQ(again[0], lines[0]) << "a done item keeps its report line";
  EXPECT_EQ(again[5]["status"], "done");
  EXPECT_EQ(again[2]["status"], "failed");
  // Other settings are other work: nothing is skipped.
  r = run_command(apply_batch(photos, out, " --noise zero"));
  EXPECT_NE(r.output.find("0 already done"), std::string::npos) << r.output;
}

TEST(CliBatch, ShardsMergedGiveWhatOneProcessWrites) {
  FACET_REQUIRE_FIXTURES();
  const std::string photos = facet::test::batch_photos("batch_shard_photos");
  const std::string whole = facet::test::scratch_dir("batch_whole"), split = facet::test::scratch_dir("batch_split");
  ASSERT_EQ(run_command(apply_batch(photos, whole)).exit_code, 0);
  auto r = run_command(cli() + " merge " + split);
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(run_command(apply_batch(photos, split, " --shard 1/3")).exit_code, 0);
  r = run_command(cli() + " merge " + split);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("shard(s) 0/3, 2/3 never ran"), std::string::npos) << r.output;
  ASSERT_EQ(run_command(apply_batch(photos, split, " --shard 0/3")).exit_code, 0);
  ASSERT_EQ(run_command(apply_batch(photos, split, " --shard 2/3")).exit_code, 0);
  // Round robin: shard 1 of 3 edited the second photo only.
  EXPECT_EQ(facet::test::report_lines(split + "/parts/shard-1-of-3/report.jsonl").size(), 1u);
  r = run_command(cli() + " merge " + split);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  facet::test::expect_same_files(whole, split);
  auto a = facet::test::without_timings(facet::test::report_lines(whole + "/report.jsonl"));
  auto b = facet::test::without_timings(facet::test::report_lines(split + "/report.jsonl"));
  ASSERT_EQ(a.size(), 4u);
  for (auto* lines : {&a, &b})
    for (auto& l : *lines) l["output"] = fs::path(l["output"].get<std::string>()).filename().string();
  EXPECT_EQ(a, b);
  r = run_command(apply_batch(photos, split, " --shard 3/3"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("counts from 0"), std::string::npos) << r.output;
}

TEST(CliBatch, AManifestSetsOutputsAndOptionsPerPhoto) {
  FACET_REQUIRE_FIXTURES();
  const std::string photos = facet::test::batch_photos("batch_manifest_photos");
  const std::string tnet = facet::test::fixture("latent_transformer/tnet_15.pth.tar");
  facet::io::write_file_atomic(photos + "/m.jsonl",
                               "{\"photo\": \"a.png\", \"output\": \"none.png\", \"alpha\": 0}\n"
                               "{\"photo\": \"a.png\", \"output\": \"strong.png\", \"alpha\": [3]}\n"
                               "{\"photo\": \"c.png\", \"output\": \"odd.png\", \"colour\": \"red\"}\n");
  const std::string out = facet::test::scratch_dir("batch_manifest_out");
  auto r = run_command(apply_batch(photos + "/m.jsonl", out, " --transformer " + tnet + " --alpha 1"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  const auto lines = facet::test::report_lines(out + "/report.jsonl");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["status"], "done");
  EXPECT_EQ(lines[1]["status"], "done");
  EXPECT_NE(lines[2]["error"].get<std::string>().find("unknown per-photo option \"colour\""), std::string::npos);
  const std::string single = facet::test::scratch_dir("batch_manifest_single");
  ASSERT_EQ(run_command(cli() + " apply " + photos + "/a.png" + facet::test::apply_fixture_args() + " --transformer " +
                        tnet + " --alpha 3 --out " + single + "/strong.png").exit_code, 0);
  EXPECT_TRUE(facet::io::read_file(single + "/strong.png") == facet::io::read_file(out + "/strong.png"));
  EXPECT_FALSE(facet::io::read_file(out + "/none.png") == facet::io::read_file(out + "/strong.png"));
}

TEST(CliBatch, CtrlCStopsAfterThePhotoAtHandLeavingAValidReport) {
  FACET_REQUIRE_FIXTURES();
  const std::string photos = facet::test::batch_photos("batch_stop_photos");
  for (int i = 0; i < 6; ++i) fs::copy_file(photos + "/a.png", photos + "/z" + std::to_string(i) + ".png");
  const std::string out = facet::test::scratch_dir("batch_stop_out");
  // Interrupted once the first photo is in the report.
  const std::string script = apply_batch(photos, out) + " & pid=$!; for i in $(seq 1 600); do [ -s " + out +
                             "/report.jsonl ] && break; sleep 0.05; done; kill -INT $pid; wait $pid; echo rc=$?";
  auto r = run_command("bash -c '" + script + "'");
  EXPECT_NE(r.output.find("rc=1"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("stopped after"), std::string::npos) << r.output;
  const auto lines = facet::test::report_lines(out + "/report.jsonl");
  EXPECT_GE(lines.size(), 1u);
  EXPECT_LT(lines.size(), 10u);
  for (const auto& l : lines) EXPECT_EQ(l["status"], "done");
  r = run_command(apply_batch(photos, out));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find(std::to_string(lines.size()) + " already done"), std::string::npos) << r.output;
  EXPECT_EQ(facet::test::report_lines(out + "/report.jsonl").size(), 10u);
}

// evaluate's shards add up counts, so the merge prints and writes the figures of one run to the last bit (JSON
// and text). 10 codes in classifier batches of 3: 4 batches over 3 shards, the last one short.
TEST(CliBatch, EvaluateShardsMergedGiveTheFiguresOfOneRun) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("evaluate_shards");
  torch::manual_seed(3);
  facet::io::write_npy(dir + "/w.npy", torch::randn({10, 10, 128}));
  const std::string evaluate = cli() + " evaluate --attrs 15 --steps 3 --batch 3 --latents " + dir +
                               "/w.npy --classifier " + facet::test::fixture("latent_transformer/latent_classifier.pth") +
                               " --transformers " + facet::test::fixture("latent_transformer");
  for (const std::string format : {" --json", ""}) {
    const std::string tag = format.empty() ? "text" : "json";
    const std::string whole = dir + "/whole_" + tag, split = dir + "/split_" + tag;
    const auto one = run_command(evaluate + format + " --out " + whole, false);
    ASSERT_EQ(one.exit_code, 0) << one.output;
    const int shards = format.empty() ? 2 : 3;
    for (int s = shards - 1; s >= 0; --s) {
      if (s == 0) {
        const auto r = run_command(cli() + " merge " + split);
        EXPECT_EQ(r.exit_code, 1);
        EXPECT_NE(r.output.find("0/" + std::to_string(shards)), std::string::npos) << "names the missing shard: " << r.output;
      }
      const auto r = run_command(evaluate + format + " --shard " + std::to_string(s) + "/" + std::to_string(shards) +
                                 " --out " + split);
      ASSERT_EQ(r.exit_code, 0) << r.output;
    }
    const auto merged = run_command(cli() + " merge " + split, false);
    ASSERT_EQ(merged.exit_code, 0) << merged.output;
    EXPECT_EQ(merged.output, one.output);
    EXPECT_TRUE(facet::io::read_file(whole + "/evaluation.json") == facet::io::read_file(split + "/evaluation.json"));
    if (format.empty()) continue;
    const json j = json::parse(one.output);
    EXPECT_EQ(j["samples"], 10);
    ASSERT_EQ(j["attributes"][0]["transformer"]["target_change_rate"].size(), 3u);
    EXPECT_EQ(j["attributes"][0]["transformer"]["target_change_rate"][0], 0.0) << "α = 0 changes nothing";
    // Each shard measured its own whole batches: codes 0–6, 6–9, 9–10.
    std::vector<int64_t> samples;
    for (int s = 0; s < shards; ++s) {
      const json part = json::parse(facet::io::read_file(split + "/parts/shard-" + std::to_string(s) + "-of-3/part.json"));
      samples.push_back(part["rows"][0]["transformer"]["samples"].get<int64_t>());
      EXPECT_EQ(part["first"].get<int64_t>() % 3, 0) << "a shard starts at a batch";
    }
    EXPECT_EQ(samples, (std::vector<int64_t>{6, 3, 1}));
  }
  auto r = run_command(evaluate + " --shard 0/2");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("--shard needs --out"), std::string::npos) << r.output;
}

TEST(CliSubmit, SlurmPrintShowsTheArrayAndTheMergeAfterIt) {
  const std::string out = facet::test::scratch_dir("submit_print") + "/o";
  auto r = run_command(cli() + " submit slurm --print --shards 4 --partition gpu --gpus-per-task 1 --time 1:00:00 -- "
                                "apply photos/ --encoder e.pt --alpha 2 --attr Smiling --out " + out, false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* line : {"#SBATCH --array=0-3", "#SBATCH --partition=gpu", "#SBATCH --gpus-per-task=1",
                           "#SBATCH --time=1:00:00", "--shard \"${SLURM_ARRAY_TASK_ID}/4\"", "'merge' '" ,
                           "sbatch --dependency=afterok:$jobid"})
    EXPECT_NE(r.output.find(line), std::string::npos) << line << " missing in\n" << r.output;
  EXPECT_FALSE(fs::exists(out)) << "--print writes nothing";
  // edit-video's --out is the video: the scripts and the parts go to its work folder, and merge names the video.
  const std::string video = facet::test::scratch_dir("submit_video") + "/edited.mp4";
  r = run_command(cli() + " submit slurm --print --shards 3 -- edit-video in.mp4 --edit Smiling=1 --out " + video,
                  false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("/.edited.mp4.facet-work/slurm/array.sbatch"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("'merge' '" + video + "'"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("--shard \"${SLURM_ARRAY_TASK_ID}/3\""), std::string::npos) << r.output;
  r = run_command(cli() + " submit slurm --print -- embed photo.png --out w.npy");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("cannot be split into shards"), std::string::npos) << r.output;
  r = run_command(cli() + " submit slurm --print -- label --count 10");
  EXPECT_NE(r.output.find("needs --out DIR"), std::string::npos) << r.output;
  r = run_command(cli() + " submit slurm --print -- label --count 10 --out o --shard 0/2");
  EXPECT_NE(r.output.find("leave --shard out"), std::string::npos) << r.output;
}

TEST(CliSubmit, KubernetesGetsAnIndexedJobAndAMergeJob) {
  auto r = run_command(cli() + " submit k8s --print --shards 3 --gpus-per-task 1 --image registry/facet:1 --claim "
                                "photos-pvc -- label --count 300 --out labels",
                       false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const json list = json::parse(r.output);
  EXPECT_EQ(list["kind"], "List");
  ASSERT_EQ(list["items"].size(), 2u);
  const json& shards = list["items"][0];
  EXPECT_EQ(shards["apiVersion"], "batch/v1");
  EXPECT_EQ(shards["kind"], "Job");
  EXPECT_EQ(shards["spec"]["completionMode"], "Indexed");
  EXPECT_EQ(shards["spec"]["completions"], 3);
  EXPECT_EQ(shards["spec"]["parallelism"], 3);
  const json& pod = shards["spec"]["template"]["spec"];
  EXPECT_EQ(pod["restartPolicy"], "Never");
  const json& c = pod["containers"][0];
  EXPECT_EQ(c["image"], "registry/facet:1");
  EXPECT_EQ(c["resources"]["limits"]["nvidia.com/gpu"], 1);
  const std::string line = c["command"][2];
  EXPECT_NE(line.find("'label' '--count' '300' '--out' 'labels' --shard \"${JOB_COMPLETION_INDEX}/3\""),
            std::string::npos) << line;
  EXPECT_EQ(pod["volumes"][0]["persistentVolumeClaim"]["claimName"], "photos-pvc");
  EXPECT_EQ(c["volumeMounts"][0]["mountPath"], c["workingDir"]);
  const json& merge = list["items"][1];
  EXPECT_EQ(merge["kind"], "Job");
  EXPECT_EQ(merge["metadata"]["name"], shards["metadata"]["name"].get<std::string>() + "-merge");
  const json& mc = merge["spec"]["template"]["spec"]["containers"][0];
  EXPECT_EQ(mc["command"], (json{"facet-cli", "merge", "labels", "--wait", "604800"}));
  EXPECT_FALSE(mc.contains("resources")) << "the merge needs no GPU";
}

}  // namespace

// tune over a folder: each photo tuned on its own into OUT/<photo>.tuned. Shards merged give the files and the
// report of one process; a rerun tunes nothing again; the flags of a single run are refused with the reason.
TEST(CliBatch, TuneEachPhotoInShardsGivesTheChangesOfOneProcess) {
  FACET_REQUIRE_FIXTURES();
  const std::string photos = facet::test::batch_photos("batch_tune_photos");
  const std::string whole = facet::test::scratch_dir("batch_tune_whole");
  const std::string split = facet::test::scratch_dir("batch_tune_split");
  const std::string tune = cli() + " tune " + photos + " --aligned --generator " +
                           facet::test::fixture("stylegan2/g_small_zip.pt") +
                           " --pivot-steps 2 --steps 3 --loss l2 --quiet --out ";
  auto r = run_command(tune + whole);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("4 photo(s), 0 already done, 4 to tune"), std::string::npos) << r.output;
  for (const char* name : {"a", "b", "c", "d"}) EXPECT_TRUE(fs::exists(whole + "/" + name + ".tuned")) << name;
  for (int shard = 0; shard < 2; ++shard)
    ASSERT_EQ(run_command(tune + split + " --shard " + std::to_string(shard) + "/2").exit_code, 0);
  r = run_command(cli() + " merge " + split);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("2 shard(s) of tune"), std::string::npos) << r.output;
  facet::test::expect_same_files(whole, split);
  auto a = facet::test::without_timings(facet::test::report_lines(whole + "/report.jsonl"));
  auto b = facet::test::without_timings(facet::test::report_lines(split + "/report.jsonl"));
  ASSERT_EQ(a.size(), 4u);
  for (auto* lines : {&a, &b})
    for (auto& l : *lines) {
      EXPECT_EQ(l["status"], "done") << l;
      EXPECT_LT(l["l2"].get<double>(), l["l2_before"].get<double>()) << l;
      l.erase("ms_per_step");
      l["output"] = fs::path(l["output"].get<std::string>()).filename().string();
    }
  EXPECT_EQ(a, b);

  r = run_command(tune + whole);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("4 already done, 0 to tune"), std::string::npos) << r.output;
  r = run_command(tune + whole + " --wplus " + facet::test::fixture("stylegan2/wplus.npy"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("--wplus is for one tuning run"), std::string::npos) << r.output;
  r = run_command(cli() + " tune " + photos + "/a.png --aligned --generator " +
                  facet::test::fixture("stylegan2/g_small_zip.pt") + " --out " + whole + "/one.tuned --shard 0/2");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("--shard splits a folder, list or manifest"), std::string::npos) << r.output;
}
