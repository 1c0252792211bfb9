// facet-cli bench generator: load time and ms per image at each size, on the chosen device.
#include <chrono>
#include <iostream>

#include <torch/cuda.h>
#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "core/models/device.h"

namespace facet::cli {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct BenchArgs {
  GeneratorArgs generator;
  std::vector<int64_t> sizes;
  int repeat = 3;
  int64_t random_size = 1024;
  bool plain = false, json = false;
};

void register_bench_generator(CLI::App& root, Commands& commands) {
  auto& bench = group(root, "bench", "Benchmarks");
  auto* cmd = bench.add_subcommand("generator", "Time StyleGAN2 synthesis (ms per image) at each output size");
  auto a = std::make_shared<BenchArgs>();
  add_generator_options(cmd, a->generator, /*required=*/false);
  cmd->add_option("--random", a->random_size, "without --generator: random config-f weights of this size")
      ->capture_default_str();
  cmd->add_option("--size", a->sizes, "output sizes to time (default: 256 and the model's size)");
  cmd->add_option("--repeat", a->repeat, "timed images per size (after one warm-up)")->check(CLI::Range(1, 1000));
  cmd->add_flag("--plain", a->plain, "time the plain (reference-maths) path instead of the fast path");
  cmd->add_flag("--json", a->json, "Machine-readable output");
  commands.bind(cmd, [a] {
    const auto t0 = Clock::now();
    std::shared_ptr<nn::StyleGan2> g =
        a->generator.file.empty()
            ? nn::StyleGan2::random(a->random_size, 512, 8, 2, 0, models::choose_device(a->generator.device))
            : load_generator(a->generator);
    const double load_ms = ms_since(t0);
    std::vector<int64_t> sizes = a->sizes;
    if (sizes.empty()) sizes = g->size() > 256 ? std::vector<int64_t>{256, g->size()} : std::vector<int64_t>{g->size()};
    torch::Tensor wplus;
    {
      torch::InferenceMode guard;
      wplus = g->to_wplus(g->mapping(torch::randn({1, g->style_dim()}).to(g->device())), 0.7);
    }
    nlohmann::json out{{"device", models::describe_device(g->device())},
                       {"generator", a->generator.file.empty() ? "random config-f" : a->generator.file},
                       {"model_size", g->size()}, {"load_ms", load_ms}, {"path", a->plain ? "plain" : "fast"},
                       {"threads", torch::get_num_threads()}, {"results", nlohmann::json::array()}};
    for (int64_t size : sizes) {
      nn::SynthesisOptions o;
      o.output_size = size;
      o.fast = !a->plain;
      torch::NoGradGuard no_grad;
      const auto first = Clock::now();
      g->synthesis(wplus, o);  // warm-up: allocations, oneDNN kernel selection, folded weights
      if (g->device().is_cuda()) torch::cuda::synchronize();
      const double first_ms = ms_since(first);
      std::vector<double> times;
      for (int r = 0; r < a->repeat; ++r) {
        const auto t = Clock::now();
        auto image = g->synthesis(wplus, o);
        if (g->device().is_cuda()) torch::cuda::synchronize();
        times.push_back(ms_since(t));
      }
      std::sort(times.begin(), times.end());
      out["results"].push_back({{"size", size},
                                {"ms_median", times[times.size() / 2]},
                                {"ms_min", times.front()},
                                {"ms_first", first_ms}});
    }
    if (a->json) {
      print_json(out);
    } else {
      std::cout << "generator " << out["generator"].get<std::string>() << " (" << g->size() << "²) on "
                << out["device"].get<std::string>() << ", " << out["threads"] << " threads, " << out["path"].get<std::string>()
                << " path; load " << load_ms << " ms\n";
      for (const auto& r : out["results"])
        std::cout << "  " << r["size"] << "²: " << r["ms_median"].get<double>() << " ms/image (min "
                  << r["ms_min"].get<double>() << "; first in the process " << r["ms_first"].get<double>() << ")\n";
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_bench_generator);

}  // namespace
}  // namespace facet::cli
