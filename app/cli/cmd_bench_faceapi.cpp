// facet-cli bench faceapi: ms for face-api.js's networks on one face crop (descriptor alone, and all three).
#include <algorithm>
#include <chrono>
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/faceapi_options.h"

namespace facet::cli {
namespace {

struct BenchFaceApiArgs {
  std::string faceapi;
  int repeat = 20;
  int64_t crop = 256;
  bool json = false;
};

double median_ms(int repeat, const std::function<void()>& fn) {
  fn();  // warm-up: oneDNN kernel selection, allocations
  std::vector<double> times;
  for (int r = 0; r < repeat; ++r) {
    const auto t = std::chrono::steady_clock::now();
    fn();
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

void register_bench_faceapi(CLI::App& root, Commands& commands) {
  auto& bench = group(root, "bench", "Benchmarks");
  auto* cmd = bench.add_subcommand("faceapi", "Time face-api.js's recognition, age/gender and expression networks");
  auto a = std::make_shared<BenchFaceApiArgs>();
  add_faceapi_option(cmd, a->faceapi);
  cmd->add_option("--repeat", a->repeat, "timed runs (after one warm-up)")->check(CLI::Range(1, 10000))
      ->capture_default_str();
  cmd->add_option("--crop", a->crop, "side of the face crop fed in (the networks resize it)")->capture_default_str();
  cmd->add_flag("--json", a->json, "Machine-readable output");
  commands.bind(cmd, [a] {
    const nn::FaceAnalyzer analyzer = load_face_analyzer(a->faceapi);
    // The networks' cost does not depend on the pixels: a fixed random crop stands in for a face.
    torch::manual_seed(0);
    const torch::Tensor crop = torch::rand({a->crop, a->crop, 3}) * 255;
    const double descriptor_ms = median_ms(a->repeat, [&] { analyzer.descriptor(crop); });
    const double all_ms = median_ms(a->repeat, [&] { analyzer.analyze(crop); });
    nlohmann::json out{{"device", "cpu"},
                       {"threads", torch::get_num_threads()},
                       {"crop", a->crop},
                       {"repeat", a->repeat},
                       {"descriptor_ms", descriptor_ms},
                       {"all_three_ms", all_ms}};
    if (a->json) print_json(out);
    else
      std::cout << "face-api on a " << a->crop << "² crop, " << out["threads"] << " threads: recognition "
                << descriptor_ms << " ms; recognition + age/gender + expression " << all_ms << " ms (median of "
                << a->repeat << ")\n";
    return kOk;
  });
}
FACET_CLI_COMMAND(register_bench_faceapi);

}  // namespace
}  // namespace facet::cli
