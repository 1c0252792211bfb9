// facet-cli submit slurm|k8s -- COMMAND ARGS…: runs a command that takes --shard I/N on a cluster scheduler, one
// task per shard, and `merge` after all of them. Slurm: an sbatch array and a merge job with
// --dependency=afterok, submitted (or printed). Kubernetes: an Indexed Job and a merge Job, printed for kubectl.
#include <array>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli/command.h"
#if FACET_WITH_VISION
#include "app/cli/edit_video_parts.h"
#endif
#include "core/batch/scheduler.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::cli {
namespace fs = std::filesystem;
namespace {

struct SubmitArgs {
  batch::JobSpec job;
  std::string parts_dir;  // where the shards' parts go: --out, or edit-video's work folder
  std::vector<std::string> command;
  bool print = false, json = false;
};

// Fills what every scheduler needs from the command; facet::Error for commands that cannot be split.
void prepare(SubmitArgs& a) {
  if (!batch::can_shard(a.command))
    throw Error("'" + (a.command.empty() ? std::string() : a.command[0]) +
                "' cannot be split into shards; these can: " + batch::shardable_commands());
  a.job.out_dir = batch::out_option(a.command);
  if (a.job.out_dir.empty()) throw Error("the command needs --out DIR: the shards write their parts there");
  a.parts_dir = a.job.out_dir;
#if FACET_WITH_VISION
  if (a.command[0] == "edit-video") a.parts_dir = edit_video_parts_dir(a.command);  // --out is the video
#endif
  for (const auto& arg : a.command)
    if (arg == "--shard" || arg.rfind("--shard=", 0) == 0) throw Error("leave --shard out: submit adds it per task");
  a.job.command = a.command;
  a.job.program = fs::read_symlink("/proc/self/exe").string();
  a.job.workdir = fs::current_path().string();
  if (a.job.name.empty()) a.job.name = "facet-" + a.command[0];
}

// Runs sbatch; returns the job id. facet::Error with sbatch's own words when it refuses.
std::string sbatch(const std::string& args) {
  const std::string line = "sbatch --parsable " + args + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(line.c_str(), "r"), pclose);
  if (!pipe) throw Error("cannot run sbatch");
  std::string output;
  std::array<char, 256> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe.get())) output += buffer.data();
  const int status = pclose(pipe.release());
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
  if (status != 0 || output.empty())
    throw Error("sbatch failed" + (output.empty() ? std::string(" (is Slurm's sbatch on PATH?)") : ": " + output));
  return output.substr(0, output.find(';'));  // "id;cluster" on federated clusters
}

void register_submit(CLI::App& root, Commands& commands) {
  CLI::App& submit = group(root, "submit", "Run a long command in shards on a cluster scheduler, then merge");
  auto shared_options = [](CLI::App* cmd, SubmitArgs& a) {
    cmd->add_option("--shards", a.job.shards, "number of shards (tasks)")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    cmd->add_option("--gpus-per-task", a.job.gpus_per_task, "GPUs for each shard")->check(CLI::Range(0, 64));
    cmd->add_option("--name", a.job.name, "job name (default facet-COMMAND)");
    cmd->add_option("command", a.command, "-- then the facet-cli command and its arguments, without --shard")
        ->required();
  };

  auto* slurm = submit.add_subcommand("slurm", "sbatch array (one task per shard) and a merge job after all succeed");
  auto s = std::make_shared<SubmitArgs>();
  shared_options(slurm, *s);
  slurm->add_option("--partition", s->job.partition, "Slurm partition");
  slurm->add_option("--time", s->job.time, "time limit per task (Slurm's format, e.g. 2:00:00)");
  slurm->add_flag("--print", s->print, "print the scripts and the sbatch commands instead of submitting");
  slurm->add_flag("--json", s->json, "print the job ids and script paths as JSON");
  commands.bind(slurm, [s] {
    SubmitArgs& a = *s;
    prepare(a);
    const fs::path dir = fs::absolute(fs::path(a.parts_dir) / "slurm");
    a.job.log_dir = dir.string();
    const std::string array = batch::slurm_array_script(a.job), merge = batch::slurm_merge_script(a.job);
    if (a.print) {
      std::cout << "# " << (dir / "array.sbatch").string() << "\n" << array << "\n# " << (dir / "merge.sbatch").string()
                << "\n" << merge << "\n# submit with:\n#   jobid=$(sbatch --parsable " << (dir / "array.sbatch").string()
                << ")\n#   sbatch --dependency=afterok:$jobid " << (dir / "merge.sbatch").string() << "\n";
      return kOk;
    }
    fs::create_directories(dir);
    io::write_file_atomic((dir / "array.sbatch").string(), array);
    io::write_file_atomic((dir / "merge.sbatch").string(), merge);
    const std::string array_id = sbatch(batch::shell_quote((dir / "array.sbatch").string()));
    const std::string merge_id =
        sbatch("--dependency=afterok:" + array_id + " " + batch::shell_quote((dir / "merge.sbatch").string()));
    if (a.json) {
      print_json({{"array_job", array_id},
                  {"merge_job", merge_id},
                  {"shards", a.job.shards},
                  {"scripts", {(dir / "array.sbatch").string(), (dir / "merge.sbatch").string()}},
                  {"logs", dir.string()}});
    } else {
      std::cout << "submitted " << a.job.shards << " shard(s) as array job " << array_id << " and the merge as job "
                << merge_id << " (runs when every shard succeeded)\n"
                << "follow:  squeue -j " << array_id << "," << merge_id << "    after:  sacct -j " << array_id << ","
                << merge_id << " (or scontrol show job " << array_id << ")\n"
                << "logs:    " << dir.string() << "/\n"
                << "a shard that failed: submit the same command again; done items are skipped\n";
    }
    return kOk;
  });

  auto* k8s = submit.add_subcommand("k8s", "Kubernetes Indexed Job (one pod per shard) and a merge Job, as JSON");
  auto k = std::make_shared<SubmitArgs>();
  shared_options(k8s, *k);
  k8s->add_option("--image", k->job.image, "container image with facet-cli on PATH")->capture_default_str();
  k8s->add_option("--claim", k->job.claim, "PersistentVolumeClaim with the photos, models and --out")
      ->capture_default_str();
  k8s->add_option("--mount", k->job.mount, "where the claim is mounted; paths in the command start there")
      ->capture_default_str();
  k8s->add_flag("--print", k->print, "print the manifest (the only mode: apply it with kubectl apply -f -)")
      ->required();
  commands.bind(k8s, [k] {
    SubmitArgs& a = *k;
    prepare(a);
    a.job.program = "facet-cli";
    a.job.workdir = a.job.mount;
    print_json(batch::kubernetes_jobs(a.job));
    return kOk;
  });
}
FACET_CLI_COMMAND(register_submit);

}  // namespace
}  // namespace facet::cli
