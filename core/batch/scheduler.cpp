#include "core/batch/scheduler.h"

#include <sstream>

namespace facet::batch {
namespace {

std::string command_line(const JobSpec& job, const std::vector<std::string>& args) {
  std::string line = shell_quote(job.program);
  for (const auto& a : args) line += " " + shell_quote(a);
  return line;
}

void common_headers(std::ostringstream& s, const JobSpec& job, const std::string& name) {
  s << "#SBATCH --job-name=" << name << "\n";
  s << "#SBATCH --chdir=" << job.workdir << "\n";
  if (!job.partition.empty()) s << "#SBATCH --partition=" << job.partition << "\n";
  if (!job.time.empty()) s << "#SBATCH --time=" << job.time << "\n";
}

// The part of a Job both Kubernetes Jobs share: the image, the shared volume at the same path, its working folder.
nlohmann::json pod_template(const JobSpec& job, const std::string& container, const std::vector<std::string>& argv,
                            int gpus) {
  nlohmann::json c{{"name", container},
                   {"image", job.image},
                   {"command", argv},
                   {"workingDir", job.workdir},
                   {"volumeMounts", {{{"name", "data"}, {"mountPath", job.mount}}}}};
  if (gpus > 0) c["resources"] = {{"limits", {{"nvidia.com/gpu", gpus}}}};
  return {{"spec",
           {{"restartPolicy", "Never"},
            {"containers", nlohmann::json::array({c})},
            {"volumes", {{{"name", "data"}, {"persistentVolumeClaim", {{"claimName", job.claim}}}}}}}}};
}

}  // namespace

namespace {

// The commands that take --shard I/N and whose parts `merge` knows (a group's subcommand where it matters).
struct Shardable {
  const char* command;
  const char* subcommand;  // nullptr: any
  const char* shown;
};
const Shardable kShardable[] = {
    {"apply", nullptr, "apply (a folder, list or manifest)"},
    {"label", nullptr, "label"},
    {"evaluate", nullptr, "evaluate"},
    {"train", "transformer", "train transformer (--attrs)"},
    {"text", "statistics", "text statistics"},
    {"edit-video", nullptr, "edit-video"},
    {"tune", nullptr, "tune (a folder, list or manifest, each photo on its own)"},
};

}  // namespace

bool can_shard(const std::vector<std::string>& command) {
  for (const auto& s : kShardable)
    if (!command.empty() && command[0] == s.command &&
        (!s.subcommand || (command.size() > 1 && command[1] == s.subcommand)))
      return true;
  return false;
}

std::string shardable_commands() {
  std::string list;
  for (const auto& s : kShardable) list += (list.empty() ? "" : ", ") + std::string(s.shown);
  return list;
}

std::string out_option(const std::vector<std::string>& command) {
  for (size_t i = 0; i < command.size(); ++i) {
    if (command[i] == "--out" && i + 1 < command.size()) return command[i + 1];
    if (command[i].rfind("--out=", 0) == 0) return command[i].substr(6);
  }
  return {};
}

std::string shell_quote(const std::string& text) {
  std::string q = "'";
  for (char c : text) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string slurm_array_script(const JobSpec& job) {
  std::ostringstream s;
  s << "#!/bin/bash\n";
  s << "# facet-cli submit slurm: one array task per shard; the task's index is the shard.\n";
  common_headers(s, job, job.name);
  s << "#SBATCH --array=0-" << job.shards - 1 << "\n";
  s << "#SBATCH --output=" << job.log_dir << "/%x-%A_%a.out\n";
  if (job.gpus_per_task > 0) s << "#SBATCH --gpus-per-task=" << job.gpus_per_task << "\n";
  s << "set -eu\n";
  s << "exec " << command_line(job, job.command) << " --shard \"${SLURM_ARRAY_TASK_ID}/" << job.shards << "\"\n";
  return s.str();
}

std::string slurm_merge_script(const JobSpec& job) {
  std::ostringstream s;
  s << "#!/bin/bash\n";
  s << "# facet-cli submit slurm: joins the shards' parts once every array task succeeded (afterok).\n";
  common_headers(s, job, job.name + "-merge");
  s << "#SBATCH --output=" << job.log_dir << "/%x-%j.out\n";
  s << "set -eu\n";
  s << "exec " << command_line(job, {"merge", job.out_dir}) << "\n";
  return s.str();
}

nlohmann::json kubernetes_jobs(const JobSpec& job) {
  std::string shard_line = "exec " + command_line(job, job.command) + " --shard \"${JOB_COMPLETION_INDEX}/" +
                           std::to_string(job.shards) + "\"";
  nlohmann::json shards{
      {"apiVersion", "batch/v1"},
      {"kind", "Job"},
      {"metadata", {{"name", job.name}, {"labels", {{"app", "facet"}, {"facet/job", job.name}}}}},
      {"spec",
       {{"completionMode", "Indexed"},
        {"completions", job.shards},
        {"parallelism", job.shards},
        {"backoffLimit", job.shards * 2},
        {"template", pod_template(job, "shard", {"/bin/sh", "-c", shard_line}, job.gpus_per_task)}}}};
  // Kubernetes has no dependency between Jobs: the merge waits until every shard's part is complete.
  nlohmann::json merge{
      {"apiVersion", "batch/v1"},
      {"kind", "Job"},
      {"metadata", {{"name", job.name + "-merge"}, {"labels", {{"app", "facet"}, {"facet/job", job.name}}}}},
      {"spec",
       {{"completions", 1},
        {"backoffLimit", 2},
        {"template", pod_template(job, "merge", {job.program, "merge", job.out_dir, "--wait", "604800"}, 0)}}}};
  return {{"apiVersion", "v1"}, {"kind", "List"}, {"items", {shards, merge}}};
}

}  // namespace facet::batch
