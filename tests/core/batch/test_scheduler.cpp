// submit's pieces: which commands split, where their --out is, quoting that survives any argument.
#include <gtest/gtest.h>

#include "core/batch/scheduler.h"

using namespace facet::batch;

TEST(Scheduler, FindsOutAndKnowsWhatSplits) {
  EXPECT_TRUE(can_shard({"apply", "photos/", "--out", "o"}));
  EXPECT_TRUE(can_shard({"label", "--out", "o"}));
  EXPECT_TRUE(can_shard({"evaluate", "--latents", "w.npy", "--out", "o"}));
  EXPECT_TRUE(can_shard({"train", "transformer", "--attrs", "all", "--out", "o"}));
  EXPECT_TRUE(can_shard({"text", "statistics", "--out", "o"}));
  EXPECT_FALSE(can_shard({"train", "directions", "--out", "o"}));
  EXPECT_FALSE(can_shard({"text", "global", "--out", "o"}));
  EXPECT_FALSE(can_shard({"embed", "p.png"}));
  EXPECT_FALSE(can_shard({}));
  EXPECT_NE(shardable_commands().find("evaluate"), std::string::npos);
  EXPECT_EQ(out_option({"apply", "x", "--out", "dir"}), "dir");
  EXPECT_EQ(out_option({"apply", "x", "--out=d2"}), "d2");
  EXPECT_EQ(out_option({"apply", "x", "--out"}), "");
  EXPECT_EQ(shell_quote("it's a b"), "'it'\\''s a b'");
}

TEST(Scheduler, TheArrayScriptGivesEachTaskItsShard) {
  JobSpec job;
  job.program = "/opt/facet cli";
  job.command = {"label", "--out", "o"};
  job.shards = 5;
  job.out_dir = "o";
  job.workdir = "/w";
  job.name = "facet-label";
  job.log_dir = "/w/o/slurm";
  const std::string a = slurm_array_script(job);
  EXPECT_EQ(a.rfind("#!/bin/bash\n", 0), 0u);
  EXPECT_NE(a.find("#SBATCH --array=0-4\n"), std::string::npos) << a;
  EXPECT_NE(a.find("#SBATCH --chdir=/w\n"), std::string::npos) << a;
  EXPECT_EQ(a.find("--partition"), std::string::npos) << "only when given";
  EXPECT_NE(a.find("exec '/opt/facet cli' 'label' '--out' 'o' --shard \"${SLURM_ARRAY_TASK_ID}/5\"\n"),
            std::string::npos) << a;
  const std::string m = slurm_merge_script(job);
  EXPECT_NE(m.find("#SBATCH --job-name=facet-label-merge\n"), std::string::npos) << m;
  EXPECT_NE(m.find("exec '/opt/facet cli' 'merge' 'o'\n"), std::string::npos) << m;
  EXPECT_EQ(m.find("--array"), std::string::npos);
}
