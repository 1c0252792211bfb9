// facet-cli train directions / evaluate / edit --directions / train --resume, end to end on planted latents.
#include <filesystem>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "core/io/atomic_file.h"
#include "core/io/npy.h"
#include "tests/core/edit/planted_data.h"
#include "tests/support/test_support.h"

using facet::test::run_command;

namespace {
struct Files {
  std::string dir, w, l;
};

Files planted_files(const std::string& tag) {
  auto data = facet::test::planted(800, 4, 8, 21);
  Files f{facet::test::scratch_dir(tag), "", ""};
  f.w = f.dir + "/w.npy";
  f.l = f.dir + "/l.npy";
  facet::io::write_npy(f.w, data.latents);
  facet::io::write_npy(f.l, data.labels);
  return f;
}

const std::string cli = FACET_CLI;
}  // namespace

TEST(CliLatent, DirectionsFitEditAndEvaluate) {
  Files f = planted_files("cli_directions");
  auto fit = run_command(cli + " train directions --json --layers all --attrs Smiling,Male --latents " + f.w +
                             " --labels " + f.l + " --out " + f.dir + "/d.pth",
                         /*merge_stderr=*/false);
  ASSERT_EQ(fit.exit_code, 0) << fit.output;
  auto report = nlohmann::json::parse(fit.output);
  ASSERT_EQ(report["accuracy"].size(), 2u);
  EXPECT_GT(report["accuracy"]["Smiling"].get<double>(), 0.75);
  EXPECT_GT(report["accuracy"]["Male"].get<double>(), 0.75);

  auto edit = run_command(cli + " edit --wplus " + f.w + " --out " + f.dir + "/e.npy --directions " + f.dir +
                          "/d.pth --attr Smiling --alpha 1.5");
  ASSERT_EQ(edit.exit_code, 0) << edit.output;
  EXPECT_NE(edit.output.find("Smiling: linear"), std::string::npos) << edit.output;
  auto before = facet::io::read_npy(f.w), after = facet::io::read_npy(f.dir + "/e.npy");
  EXPECT_GT((after - before).abs().max().item<float>(), 0.1f);
  EXPECT_EQ(run_command(cli + " edit --wplus " + f.w + " --out " + f.dir + "/x.npy --directions " + f.dir +
                        "/d.pth --attr Young --alpha 1")
                .exit_code,
            1);  // no direction for Young

  // A classifier to measure with, then the evaluation of the linear baseline.
  auto train = run_command(cli + " train classifier --epochs 15 --latents " + f.w + " --labels " + f.l + " --out " +
                           f.dir + "/c.pth");
  ASSERT_EQ(train.exit_code, 0) << train.output;
  // A transformer for Smiling only: Smiling is evaluated both ways, Male only by its direction. 8 epochs: with 4
  // the change rate at |α| = 2 sat near 0.5 (0.48–0.53 between runs) and the check below flipped.
  std::filesystem::create_directories(f.dir + "/tn");
  auto tnet = run_command(cli + " train transformer --attr Smiling --epochs 8 --latents " + f.w + " --labels " + f.l +
                          " --classifier " + f.dir + "/c.pth --out " + f.dir + "/tn/tnet_31.pth.tar");
  ASSERT_EQ(tnet.exit_code, 0) << tnet.output;
  auto eval = run_command(cli + " evaluate --json --layers all --latents " + f.w + " --classifier " + f.dir +
                              "/c.pth --directions " + f.dir + "/d.pth --transformers " + f.dir + "/tn",
                          /*merge_stderr=*/false);
  ASSERT_EQ(eval.exit_code, 0) << eval.output;
  auto j = nlohmann::json::parse(eval.output);
  EXPECT_TRUE(j["identity"].is_null());
  ASSERT_EQ(j["alpha"].size(), 11u);
  ASSERT_EQ(j["attributes"].size(), 2u);  // every attribute with a direction
  EXPECT_EQ(j["attributes"][0]["attribute"], "Male");
  EXPECT_TRUE(j["attributes"][0]["transformer"].is_null());
  ASSERT_EQ(j["attributes"][1]["attribute"], "Smiling");
  ASSERT_EQ(j["attributes"][1]["transformer"]["target_change_rate"].size(), 11u);
  EXPECT_GT(j["attributes"][1]["transformer"]["target_change_rate"][10].get<double>(), 0.5)
      << j["attributes"][1]["transformer"].dump();
  for (const auto& row : j["attributes"]) {
    EXPECT_FALSE(row["linear"].contains("identity"));  // measured only with --generator
    const auto& change = row["linear"]["target_change_rate"];
    ASSERT_EQ(change.size(), 11u);
    EXPECT_EQ(change[0].get<double>(), 0.0);
    EXPECT_GT(change[10].get<double>(), 0.6) << row["attribute"];
    EXPECT_GT(row["linear"]["preservation_rate"][10].get<double>(), 0.5);
  }
  EXPECT_EQ(run_command(cli + " evaluate --latents " + f.w + " --classifier " + f.dir + "/c.pth").exit_code, 1);
}

TEST(CliLatent, CtrlCSavesAResumableCheckpointAndResumeFinishes) {
  Files f = planted_files("cli_resume");
  const std::string out = f.dir + "/c.pth";
  const std::string train = cli + " train classifier --json --latents " + f.w + " --labels " +
                            f.l + " --out " + out;
  // Ctrl-C (SIGINT) once the progress bar shows (the handler is in place): the run stops before its next step and
  // saves --out and the resume file.
  const std::string err = f.dir + "/r1.err";
  auto stopped = run_command("sh -c '" + train + " --seed 3 --epochs 400 > " + f.dir + "/r1.json 2> " + err + " & pid=$!; i=0; " +
                             "until grep -q ms/step " + err + " || [ $i -ge 600 ]; do sleep 0.1; i=$((i+1)); done; " +
                             "kill -INT $pid; wait $pid; cat " + err + "'");
  ASSERT_EQ(stopped.exit_code, 0) << stopped.output;
  EXPECT_NE(stopped.output.find("--resume"), std::string::npos) << stopped.output;
  ASSERT_TRUE(std::filesystem::exists(out + ".resume"));
  auto first = nlohmann::json::parse(facet::io::read_file(f.dir + "/r1.json"));
  EXPECT_TRUE(first["cancelled"].get<bool>());
  const int64_t at = first["steps"].get<int64_t>();
  EXPECT_GT(at, 0);

  EXPECT_EQ(run_command(train + " --epochs 400 --seed 4 --resume").exit_code, 1);  // another seed is refused
  auto resumed = run_command(train + " --seed 3 --resume --epochs " + std::to_string(at / 23 + 2), /*merge_stderr=*/false);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  auto second = nlohmann::json::parse(resumed.output);
  EXPECT_FALSE(second["cancelled"].get<bool>());
  EXPECT_EQ(second["resumed_from"].get<int64_t>(), at);
  EXPECT_EQ(second["steps"].get<int64_t>(), (at / 23 + 2) * 23);  // 720 training codes, batch 32: 23 steps/epoch
}

// train transformer --attrs in shards: each shard trains whole attributes (round robin: Smiling and Young in
// shard 0, Male in shard 1), and merge gathers the files one process writes: the weights byte for byte, and each
// one's resume file (LibTorch names the optimizer's tensors by their address in it, so its bytes differ between
// any two runs). One transformer of the folder run is also the one a run for that attribute alone writes.
TEST(CliLatent, TransformerShardsMergedGiveTheFilesOfOneRun) {
  namespace fs = std::filesystem;
  Files f = planted_files("cli_train_shards");
  ASSERT_EQ(run_command(cli + " train classifier --epochs 1 --latents " + f.w + " --labels " + f.l + " --out " + f.dir +
                        "/c.pth").exit_code, 0);
  const std::string data = " --latents " + f.w + " --labels " + f.l + " --classifier " + f.dir + "/c.pth";
  const std::string train = cli + " train transformer --max-steps 3" + data;
  const std::string attrs = " --attrs Smiling,Male,Young --out " + f.dir;
  auto one = run_command(train + attrs + "/whole --json", /*merge_stderr=*/false);
  ASSERT_EQ(one.exit_code, 0) << one.output;
  const auto report = nlohmann::json::parse(one.output);
  ASSERT_EQ(report["transformers"].size(), 3u);
  EXPECT_EQ(report["transformers"][2]["attribute"], "Young");
  EXPECT_EQ(report["transformers"][2]["steps"], 3);

  auto r = run_command(train + attrs + "/split --shard 1/2");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = run_command(cli + " merge " + f.dir + "/split");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("0/2"), std::string::npos) << "names the missing shard: " << r.output;
  r = run_command(train + attrs + "/split --shard 0/2");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(fs::exists(f.dir + "/split/parts/shard-1-of-2/tnet_20.pth.tar"));
  EXPECT_FALSE(fs::exists(f.dir + "/split/parts/shard-1-of-2/tnet_31.pth.tar"));
  r = run_command(cli + " merge " + f.dir + "/split");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  int files = 0;
  for (const auto& e : fs::directory_iterator(f.dir + "/whole")) {
    ++files;
    const std::string name = e.path().filename().string();
    EXPECT_TRUE(fs::exists(f.dir + "/split/" + name)) << name;
    if (e.path().extension() == ".tar") {
      EXPECT_TRUE(facet::io::read_file(e.path().string()) == facet::io::read_file(f.dir + "/split/" + name))
          << name << " differs";
    }
  }
  EXPECT_EQ(files, 6);  // three transformers, each with its resume file
  EXPECT_FALSE(facet::io::read_file(f.dir + "/whole/tnet_31.pth.tar") == facet::io::read_file(f.dir + "/whole/tnet_39.pth.tar"));

  fs::create_directories(f.dir + "/single");
  ASSERT_EQ(run_command(train + " --attr Young --out " + f.dir + "/single/tnet_39.pth.tar").exit_code, 0);
  EXPECT_TRUE(facet::io::read_file(f.dir + "/single/tnet_39.pth.tar") == facet::io::read_file(f.dir + "/whole/tnet_39.pth.tar"));
  // The merged resume file carries on: a longer run from it takes only the steps beyond.
  r = run_command(cli + " train transformer --max-steps 5" + data + " --attrs Young --resume --json --out " + f.dir +
                  "/split", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(nlohmann::json::parse(r.output)["transformers"][0]["resumed_from"], 3);

  // A shard run with other settings is not joined with the others.
  ASSERT_EQ(run_command(train + attrs + "/split --shard 1/2 --seed 4").exit_code, 0);
  r = run_command(cli + " merge " + f.dir + "/split");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("other settings"), std::string::npos) << r.output;
  EXPECT_EQ(run_command(train + " --out " + f.dir + "/x").exit_code, 1);  // neither --attr nor --attrs
  EXPECT_EQ(run_command(train + " --attr Smiling --shard 0/2 --out " + f.dir + "/x").exit_code, 1);
}
