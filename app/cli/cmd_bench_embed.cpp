// facet-cli bench embed: ms per embedding step (forward, backward, Adam; pixel loss) and peak memory, on a face the
// generator rendered itself.
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>

#include <sys/resource.h>
#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "core/embed/step_timing.h"
#include "core/models/device.h"

namespace facet::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct BenchEmbedArgs {
  GeneratorArgs generator;
  int64_t random_size = 1024, size = 0;
  int steps = 3;
  bool plain = false, json = false;
};

// The process's resident-set high-water mark in MB (VmHWM); resettable on Linux through /proc/self/clear_refs.
double peak_rss_mb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}
bool reset_peak_rss() { return static_cast<bool>(std::ofstream("/proc/self/clear_refs") << "5"); }

void register_bench_embed(CLI::App& root, Commands& commands) {
  auto& bench = group(root, "bench", "Benchmarks");
  auto* cmd = bench.add_subcommand("embed", "Time Image2StyleGAN embedding steps (forward, backward, Adam; pixel loss)");
  auto a = std::make_shared<BenchEmbedArgs>();
  add_generator_options(cmd, a->generator, /*required=*/false);
  add_random_generator_option(cmd, a->random_size);
  cmd->add_option("--size", a->size, "embed at this output size (a power of two; default: the model's size)");
  cmd->add_option("--steps", a->steps, "timed steps (after one warm-up step)")->check(CLI::Range(1, 1000));
  cmd->add_flag("--plain", a->plain, "time autograd over the plain path instead of the fast gradients");
  cmd->add_flag("--json", a->json, "Machine-readable output");
  commands.bind(cmd, [a] {
    const auto t0 = Clock::now();
    const std::shared_ptr<nn::StyleGan2> g = load_or_random_generator(a->generator, a->random_size);
    const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    const int64_t size = a->size ? a->size : g->size();
    embed::EmbedOptions options;
    options.output_size = a->size;
    options.fast_gradients = !a->plain;
    const double rss_before = peak_rss_mb();
    const bool resettable = reset_peak_rss();
    const embed::StepTiming timing = embed::time_embedding_steps(g, {}, options, a->steps);
    const double peak = peak_rss_mb();
    nlohmann::json out{{"device", models::describe_device(g->device())},
                       {"generator", a->generator.file.empty() ? "random config-f" : a->generator.file},
                       {"model_size", g->size()},
                       {"size", size},
                       {"path", a->plain ? "plain" : "fast gradients"},
                       {"threads", torch::get_num_threads()},
                       {"load_ms", load_ms},
                       {"steps", a->steps},
                       {"ms_median", timing.median_ms},
                       {"ms_min", timing.min_ms},
                       {"peak_rss_mb", peak},
                       {"peak_rss_mb_before_embedding", rss_before},
                       {"peak_is_the_embeddings", resettable},
                       {"final_psnr", timing.final_psnr}};
    if (a->json) {
      print_json(out);
    } else {
      std::cout << "generator " << out["generator"].get<std::string>() << " (" << g->size() << "²) at " << size
                << "² on " << out["device"].get<std::string>() << ", " << out["threads"] << " threads, "
                << out["path"].get<std::string>() << ": " << out["ms_median"].get<double>() << " ms/step (min "
                << out["ms_min"].get<double>() << ", " << a->steps << " steps after a warm-up); peak memory " << peak
                << " MB" << (resettable ? " during the embedding" : " (whole process)") << "\n";
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_bench_embed);

}  // namespace
}  // namespace facet::cli
