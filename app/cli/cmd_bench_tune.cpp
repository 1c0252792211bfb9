// facet-cli bench tune: ms per pivotal-tuning step (forward at the pivot, backward to every synthesis weight, Adam)
// on a face the generator rendered itself, with the pixel loss or pixel + LPIPS.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>

#include <time.h>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "core/io/error.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"
#include "core/tune/pivotal_tuning.h"

namespace facet::cli {
namespace {

using Clock = std::chrono::steady_clock;

// The process's CPU time (all threads) in ms: on a machine shared with other jobs, a steadier measure than wall time.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return 1000.0 * static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct BenchTuneArgs {
  GeneratorArgs generator;
  int64_t random_size = 1024;
  int steps = 3;
  std::string loss = "l2";
  bool json = false;
};

void register_bench_tune(CLI::App& root, Commands& commands) {
  auto& bench = group(root, "bench", "Benchmarks");
  auto* cmd = bench.add_subcommand("tune", "Time pivotal-tuning steps (forward, backward to the weights, Adam)");
  auto a = std::make_shared<BenchTuneArgs>();
  add_generator_options(cmd, a->generator, /*required=*/false);
  add_random_generator_option(cmd, a->random_size);
  cmd->add_option("--steps", a->steps, "timed steps (after one warm-up step)")->check(CLI::Range(1, 1000));
  cmd->add_option("--loss", a->loss, "l2 (pixel loss) or lpips (pixel + LPIPS: needs its files)")
      ->check(CLI::IsMember({"l2", "lpips"}))
      ->capture_default_str();
  cmd->add_flag("--json", a->json, "Machine-readable output");
  commands.bind(cmd, [a] {
    const std::shared_ptr<nn::StyleGan2> g = load_or_random_generator(a->generator, a->random_size);
    std::string note;
    embed::PerceptualLoss perceptual;
    if (a->loss == "lpips") perceptual = models::load_perceptual("lpips", g->device(), note);
    tune::TuneTarget target;
    {
      torch::NoGradGuard no_grad;
      torch::manual_seed(0);
      const torch::Tensor avg = g->to_wplus(g->latent_avg().view({1, -1}));
      const torch::Tensor w = g->to_wplus(g->mapping(torch::randn({1, g->style_dim()})));
      target.image = g->synthesis(avg + 0.7 * (w - avg)).clamp(-1, 1);
      target.pivot = avg;
    }
    tune::TuneOptions o;
    o.steps = a->steps + 1;
    o.lpips_stop = 0;
    o.keep_best = false;
    std::vector<double> times, cpu_times;
    auto last = Clock::now();
    double last_cpu = cpu_ms();
    // Each progress call follows one step's forward and backward; the time between two calls is a whole step.
    const tune::TuneResult r = tune::PivotalTuner(g, perceptual).tune({target}, o, [&](const tune::TuneProgress& p) {
      const auto now = Clock::now();
      const double now_cpu = cpu_ms();
      if (p.step > 2) {
        times.push_back(std::chrono::duration<double, std::milli>(now - last).count());
        cpu_times.push_back(now_cpu - last_cpu);
      }
      last = now;
      last_cpu = now_cpu;
    });
    const double ms = median(times);
    std::sort(times.begin(), times.end());
    nlohmann::json out{{"device", models::describe_device(g->device())},
                       {"generator", a->generator.file.empty() ? "random config-f" : a->generator.file},
                       {"size", g->size()},
                       {"loss", a->loss},
                       {"threads", torch::get_num_threads()},
                       {"steps", static_cast<int>(times.size())},
                       {"ms_median", ms},
                       {"cpu_ms_median", median(cpu_times)},
                       {"ms_min", times.empty() ? 0 : times.front()},
                       {"final_l2", r.l2}};
    if (a->json) {
      print_json(out);
    } else {
      std::cout << "generator " << out["generator"].get<std::string>() << " (" << g->size() << "²) on "
                << out["device"].get<std::string>() << ", " << out["threads"] << " threads, loss " << a->loss << ": "
                << ms << " ms/step (min " << out["ms_min"].get<double>() << ", " << times.size()
                << " steps after a warm-up; CPU time " << out["cpu_ms_median"].get<double>() << " ms/step)\n";
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_bench_tune);

}  // namespace
}  // namespace facet::cli
