#pragma once
// What `facet-cli submit` hands a cluster scheduler: a job array with one task per shard (the task's index is
// the shard) and a merge job that runs once all of them succeeded. Slurm gets two sbatch scripts, Kubernetes an
// Indexed Job and a merge Job (JSON, which kubectl reads like YAML).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace facet::batch {

struct JobSpec {
  std::string program;               // facet-cli, an absolute path on the cluster's shared file system
  std::vector<std::string> command;  // the command and its arguments, without --shard
  int shards = 1;
  std::string out_dir;               // the command's --out: where the parts and the merged result go
  std::string workdir;               // where relative paths in `command` start
  std::string name;                  // job name
  // Slurm
  std::string partition, time, log_dir;
  int gpus_per_task = 0;
  // Kubernetes
  std::string image = "facet:latest", claim = "facet-data", mount = "/data";
};

// The commands that take --shard I/N and that `merge` joins.
bool can_shard(const std::vector<std::string>& command);
// Those commands, for a message ("apply (a folder, list or manifest), label, …").
std::string shardable_commands();
// The value of --out (or --out=…) in the command; empty when absent.
std::string out_option(const std::vector<std::string>& command);
// Single-quoted for sh: any string survives.
std::string shell_quote(const std::string& text);

std::string slurm_array_script(const JobSpec& job);  // shard from SLURM_ARRAY_TASK_ID
std::string slurm_merge_script(const JobSpec& job);  // submitted with --dependency=afterok:<array job>
// A v1 List: the Indexed Job (shard from JOB_COMPLETION_INDEX) and the merge Job, which waits for every part.
nlohmann::json kubernetes_jobs(const JobSpec& job);

}  // namespace facet::batch
