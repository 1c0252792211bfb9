// facet-cli bench generator: load time and ms per image at each size, batch, precision and layout, on the chosen
// device; on the CPU with the roofline (the measured FMA peak and the work per second of each resolution block).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include <torch/torch.h>
#include <torch/version.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "app/cli/synthesis_timing.h"
#include "core/io/error.h"
#include "core/models/device.h"
#include "core/nn/stylegan2/roofline.h"

namespace facet::cli {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct BenchArgs {
  GeneratorArgs generator;
  std::vector<int64_t> sizes, batches;
  std::vector<std::string> precisions, layouts;
  int repeat = 3;
  int64_t random_size = 1024;
  bool plain = false, matrix = false, json = false;
};

std::vector<TimingCase> cases_of(const BenchArgs& a, const nn::StyleGan2& g) {
  std::vector<int64_t> sizes = a.sizes, batches = a.batches;
  std::vector<std::string> precisions = a.precisions, layouts = a.layouts;
  if (a.matrix) {
    // The figures the README reports: the model's size at batch 1 and 8; on a GPU every precision, both layouts.
    if (sizes.empty()) sizes = {g.size()};
    if (batches.empty()) batches = {1, 8};
    if (precisions.empty())
      precisions = g.device().is_cpu() ? std::vector<std::string>{"float32"}
                                       : std::vector<std::string>{"float32", "tf32", "half", "bfloat16"};
    if (layouts.empty())
      layouts = g.device().is_cpu() ? std::vector<std::string>{"nchw"}
                                    : std::vector<std::string>{"nchw", "channels-last"};
  }
  if (sizes.empty()) sizes = g.size() > 256 ? std::vector<int64_t>{256, g.size()} : std::vector<int64_t>{g.size()};
  if (batches.empty()) batches = {1};
  if (precisions.empty()) precisions = {"float32"};
  if (layouts.empty()) layouts = {"nchw"};
  std::vector<TimingCase> cases;
  for (int64_t size : sizes)
    for (int64_t batch : batches)
      for (const auto& precision : precisions)
        for (const auto& layout : layouts) {
          if (layout != "nchw" && layout != "channels-last")
            throw Error("unknown layout '" + layout + "': use nchw or channels-last");
          cases.push_back({size, batch, parse_precision(precision), layout == "channels-last", a.plain});
        }
  return cases;
}

std::string figure(const nlohmann::json& r, const char* key, int decimals) {
  if (!r.contains(key)) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, r[key].get<double>());
  return text;
}

// Per resolution block of each timed image: its direct-convolution work, time and × peak.
void print_roofline(const nlohmann::json& results) {
  for (const auto& r : results) {
    if (!r.contains("blocks")) continue;
    std::printf("  roofline %lld² %s:", static_cast<long long>(r["size"].get<int64_t>()),
                r["path"].get<std::string>().c_str());
    for (const auto& b : r["blocks"])
      std::printf(" %lld²: %.2f GMAC %.1f ms %s×", static_cast<long long>(b["resolution"].get<int64_t>()),
                  b["gmac"].get<double>(), b["ms"].get<double>(), figure(b, "x_peak", 2).c_str());
    std::printf("\n");
  }
}

void print_table(const nlohmann::json& out) {
  std::cout << "generator " << out["generator"].get<std::string>() << " (" << out["model_size"] << "²) on "
            << out["device"].get<std::string>() << ", " << out["threads"] << " CPU threads; load "
            << out["load_ms"].get<double>() << " ms\n";
  if (out.contains("fma_peak"))
    std::printf("float32 FMA peak %.1f GMAC/s (%s, %d threads); × peak = direct-convolution GMAC per second / peak\n",
                out["fma_peak"]["gmacs"].get<double>(), out["fma_peak"]["isa"].get<std::string>().c_str(),
                out["fma_peak"]["threads"].get<int>());
  std::printf("  %6s %5s %-9s %-13s %-5s %12s %10s %12s %9s %8s %7s\n", "size", "batch", "precision", "layout", "path",
              "ms/image", "min", "first batch", "PSNR dB", "GMAC/s", "× peak");
  for (const auto& r : out["results"]) {
    const std::string psnr = r.contains("psnr_db") && r["psnr_db"].is_number()
                                 ? std::to_string(r["psnr_db"].get<double>()).substr(0, 6)
                                 : (r.contains("psnr_db") ? "inf" : "-");
    std::printf("  %6lld %5lld %-9s %-13s %-5s %12.2f %10.2f %12.1f %9s %8s %7s\n", static_cast<long long>(r["size"].get<int64_t>()),
                static_cast<long long>(r["batch"].get<int64_t>()), r["precision"].get<std::string>().c_str(),
                r["layout"].get<std::string>().c_str(), r["path"].get<std::string>().c_str(),
                r["ms_per_image"].get<double>(), r["ms_min"].get<double>(), r["ms_first"].get<double>(), psnr.c_str(),
                figure(r, "gmacs", 1).c_str(), figure(r, "x_peak", 2).c_str());
  }
  print_roofline(out["results"]);
}

void register_bench_generator(CLI::App& root, Commands& commands) {
  auto& bench = group(root, "bench", "Benchmarks");
  auto* cmd = bench.add_subcommand("generator", "Time StyleGAN2 synthesis (ms per image) at each output size");
  auto a = std::make_shared<BenchArgs>();
  add_generator_options(cmd, a->generator, /*required=*/false);
  add_random_generator_option(cmd, a->random_size);
  cmd->add_option("--size", a->sizes, "output sizes to time (default: 256 and the model's size)");
  cmd->add_option("--batch", a->batches, "images per synthesis call (default 1); ms are per image");
  cmd->add_option("--precision", a->precisions,
                  "float32 (default), tf32, half or bfloat16; all but float32 need CUDA and report their PSNR "
                  "against float32");
  cmd->add_option("--layout", a->layouts, "nchw (default) or channels-last (the plain path's NHWC form)");
  cmd->add_flag("--matrix", a->matrix,
                "the model's size at batch 1 and 8; on CUDA every precision and both layouts (flags given still "
                "choose)");
  cmd->add_option("--repeat", a->repeat, "timed calls per case (after one warm-up)")->check(CLI::Range(1, 1000));
  cmd->add_flag("--plain", a->plain, "time the plain (reference-maths) path instead of the fast path (CPU)");
  cmd->add_flag("--json", a->json, "Machine-readable output");
  commands.bind(cmd, [a] {
    const auto t0 = Clock::now();
    const std::shared_ptr<nn::StyleGan2> g = load_or_random_generator(a->generator, a->random_size);
    const double load_ms = ms_since(t0);
    const std::vector<TimingCase> cases = cases_of(*a, *g);
    nlohmann::json out{{"device", models::describe_device(g->device())},
                       {"generator", a->generator.file.empty() ? "random config-f" : a->generator.file},
                       {"model_size", g->size()}, {"load_ms", load_ms}, {"path", a->plain ? "plain" : "fast"},
                       {"torch", TORCH_VERSION}, {"threads", torch::get_num_threads()},
                       {"results", nlohmann::json::array()}};
    SynthesisTimer timer(g);
    if (g->device().is_cpu()) {
      // The machine's limit, beside every figure: × peak shows how far each render is from it.
      const nn::stylegan2::FmaPeak peak = nn::stylegan2::measure_fma_peak();
      out["fma_peak"] = {{"gmacs", peak.gmacs}, {"threads", peak.threads}, {"isa", peak.isa}};
      timer.set_peak_gmacs(peak.gmacs);
    }
    for (const TimingCase& c : cases) {
      out["results"].push_back(timer.time(c, a->repeat));
      if (!a->json) std::cerr << "." << std::flush;
    }
    if (a->json) {
      print_json(out);
    } else {
      std::cerr << "\n";
      print_table(out);
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_bench_generator);

}  // namespace
}  // namespace facet::cli
