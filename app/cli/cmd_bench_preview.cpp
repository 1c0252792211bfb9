// facet-cli bench preview: the editor's own render backend (app/editor's GeneratorBackend, the code the render worker
// runs) driven through a scripted slider drag: ms from slider value to preview pixels (edit, synthesis, read-outs),
// the full-size render at rest, the preview's PSNR against the float32 render at its size, and the roofline.
// Built with the editor's Qt half (facet_app, Qt Core/Gui), so only where the GUI is built.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "app/cli/synthesis_timing.h"
#include "app/editor/generator_backend.h"
#include "core/io/error.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"
#include "core/nn/stylegan2/roofline.h"

namespace facet::cli {
namespace {

struct PreviewArgs {
  GeneratorArgs generator;
  int64_t random_size = 1024;
  int moves = 30;
  int full_repeat = 3;
  int preview_size = 256;
  std::string precision = "float32";
  std::string dtype = "float32";
  bool installed = false, json = false;
};

double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
// The nearest-rank 95th percentile.
double p95_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t rank = static_cast<size_t>(std::ceil(0.95 * static_cast<double>(v.size())));
  return v[std::max<size_t>(rank, 1) - 1];
}

// The slider's attribute: its installed transformer or direction with --installed-models, else a fixed random
// direction on the default edited layers (the same in every run).
constexpr int kAttribute = 0;

std::shared_ptr<models::ModelSet> model_set(const PreviewArgs& a) {
  if (a.installed) {
    models::ModelFiles files = models::find_model_files();
    if (!a.generator.file.empty()) files.generator = a.generator.file;
    files.device = a.generator.device;
    files.encoder.clear();  // photos are not part of a drag
    files.clip.clear();
    auto set = models::load_model_set(files);
    if (set->editor->method_for(kAttribute) == edit::EditMethod::None)
      throw Error("no transformer or direction for attribute " + std::to_string(kAttribute) +
                  " is installed; drop --installed-models to drag a random direction");
    return set;
  }
  auto set = std::make_shared<models::ModelSet>();
  set->generator = load_or_random_generator(a.generator, a.random_size);
  set->device = set->generator->device();
  set->editor = std::make_shared<edit::Editor>();
  torch::manual_seed(1);
  edit::LinearDirection d;
  d.normal = torch::randn({set->generator->n_latent(), set->generator->style_dim()});
  d.normal /= d.normal.norm();
  d.scale = 30;  // about what a fitted direction's α = 1 moves a face
  set->editor->set_direction(kAttribute, d);
  return set;
}

// PSNR in dB over 0–255 of two RGB888 images of one size; +∞ when they are equal.
double image_psnr_db(const QImage& a, const QImage& b) {
  if (a.size() != b.size()) throw Error("preview and reference differ in size");
  double sum = 0;
  for (int y = 0; y < a.height(); ++y) {
    const uchar* p = a.constScanLine(y);
    const uchar* q = b.constScanLine(y);
    for (int x = 0; x < a.width() * 3; ++x) sum += (p[x] - q[x]) * double(p[x] - q[x]);
  }
  const double mse = sum / (3.0 * a.width() * a.height());
  return mse == 0 ? INFINITY : 10 * std::log10(255.0 * 255.0 / mse);
}

nlohmann::json finite_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

void print_table(const nlohmann::json& out) {
  std::printf("generator %s on %s, %d CPU threads; float32 FMA peak %s GMAC/s\n",
              out["generator"].get<std::string>().c_str(), out["device"].get<std::string>().c_str(),
              out["threads"].get<int>(),
              out.contains("fma_peak") ? std::to_string(out["fma_peak"]["gmacs"].get<double>()).c_str() : "-");
  const auto& p = out["preview"];
  const auto& f = out["full"];
  std::printf("  preview %lld² %s: median %.1f ms, p95 %.1f ms over %d moves (synthesis %.1f ms: %.1f GMAC/s",
              static_cast<long long>(p["size"].get<int64_t>()), out["preview_precision"].get<std::string>().c_str(),
              p["ms_median"].get<double>(), p["ms_p95"].get<double>(),
              out["moves"].get<int>(), p["synthesis_ms_median"].get<double>(), p["gmacs"].get<double>());
  if (p.contains("x_peak")) std::printf(", %.2f× peak", p["x_peak"].get<double>());
  std::printf("); PSNR against float32 %s dB\n",
              out["preview_psnr_db"].is_null() ? "inf" : std::to_string(out["preview_psnr_db"].get<double>()).c_str());
  std::printf("  full %lld²: median %.1f ms (synthesis %.1f ms: %.1f GMAC/s", static_cast<long long>(f["size"].get<int64_t>()),
              f["ms_median"].get<double>(), f["synthesis_ms_median"].get<double>(), f["gmacs"].get<double>());
  if (f.contains("x_peak")) std::printf(", %.2f× peak", f["x_peak"].get<double>());
  std::printf(")\n");
}

void register_bench_preview(CLI::App& root, Commands& commands) {
  auto& bench = group(root, "bench", "Benchmarks");
  auto* cmd = bench.add_subcommand(
      "preview", "Time the editor's render backend through a slider drag: previews, the render at rest, preview PSNR");
  auto a = std::make_shared<PreviewArgs>();
  add_generator_options(cmd, a->generator, /*required=*/false);
  add_random_generator_option(cmd, a->random_size);
  cmd->add_option("--moves", a->moves, "preview renders in the drag")->check(CLI::Range(2, 10000))->capture_default_str();
  cmd->add_option("--full-repeat", a->full_repeat, "timed full-size renders at rest")
      ->check(CLI::Range(1, 100))->capture_default_str();
  cmd->add_option("--preview-size", a->preview_size, "the backend's preview side (a power of two)")
      ->check(CLI::Range(4, 4096))->capture_default_str();
  cmd->add_option("--preview-precision", a->precision,
                  "float32, or bfloat16: the previews' convolutions in bfloat16 with float32 sums where the CPU has "
                  "AVX512_BF16 (elsewhere float32)")
      ->check(CLI::IsMember({"float32", "bfloat16"}))
      ->capture_default_str();
  cmd->add_option("--generator-dtype", a->dtype,
                  "float32, half or bfloat16: the whole generator cast to that type (CUDA, batch 1)")
      ->check(CLI::IsMember({"float32", "half", "bfloat16"}))
      ->capture_default_str();
  cmd->add_flag("--installed-models", a->installed,
                "the editor's installed models (transformer or direction of the first attribute, classifier, face-api "
                "read-outs) instead of a random direction and no read-outs");
  cmd->add_flag("--json", a->json, "Machine-readable output");
  commands.bind(cmd, [a] {
    const std::shared_ptr<models::ModelSet> set = model_set(*a);
    // The float32 generator renders the PSNR's reference; the backend gets the cast copy when one is asked for.
    const std::shared_ptr<nn::StyleGan2> float32 = set->generator;
    if (a->dtype != "float32")
      set->generator = float32->cast(a->dtype == "half" ? torch::kFloat16 : torch::kBFloat16);
    const nn::StyleGan2& g = *float32;
    torch::Tensor wplus;
    {
      torch::InferenceMode guard;
      torch::manual_seed(0);
      wplus = g.to_wplus(g.mapping(torch::randn({1, g.style_dim()})), 0.7).to(torch::kCPU, torch::kFloat32);
    }
    app::GeneratorBackend::Options options;
    options.preview_size = a->preview_size;
    options.preview_budget_ms = 0;  // one fixed side and precision, so that runs compare
    options.preview_bfloat16 = a->precision == "bfloat16";
    app::GeneratorBackend backend(set, wplus, options);
    const size_t sliders = kAttribute + 1;
    auto request = [&](float alpha, app::RenderQuality quality) {
      app::RenderRequest r;
      r.alphas.assign(sliders, 0.f);
      r.alphas[kAttribute] = alpha;
      r.quality = quality;
      return r;
    };
    const auto never = [] { return false; };
    using Clock = std::chrono::steady_clock;
    auto timed = [&](const app::RenderRequest& r, std::vector<double>& total, std::vector<double>& synthesis) {
      const auto t = Clock::now();
      app::RenderResult result = backend.render(r, never);
      total.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
      synthesis.push_back(result.timings.synthesis_ms);
      return result;
    };
    // The editor opens on the unedited face (rendered and read once); then the drag from α = 0 to 3.
    backend.render(request(0.f, app::RenderQuality::Full), never);
    std::vector<double> preview_ms, preview_synthesis, full_ms, full_synthesis;
    app::RenderResult last;
    float alpha = 0;
    for (int m = 1; m <= a->moves; ++m) {
      alpha = 3.f * static_cast<float>(m) / static_cast<float>(a->moves);
      last = timed(request(alpha, app::RenderQuality::Preview), preview_ms, preview_synthesis);
    }
    for (int r = 0; r < a->full_repeat; ++r) timed(request(alpha, app::RenderQuality::Full), full_ms, full_synthesis);

    // The preview against the float32 render of the same edited code at the same size, as pixels.
    nn::SynthesisOptions reference_options;
    reference_options.output_size = backend.previewSize();
    const torch::Tensor edited = app::editedWplus(*set, wplus, request(alpha, app::RenderQuality::Preview).alphas);
    QImage reference;
    {
      torch::InferenceMode guard;
      reference = app::tensorToImage(g.synthesis(edited.to(g.device()), reference_options));
    }
    const double psnr = image_psnr_db(last.image, reference);

    nlohmann::json out{{"device", models::describe_device(g.device())},
                       {"generator", a->generator.file.empty() ? "random config-f" : a->generator.file},
                       {"model_size", g.size()},
                       {"threads", torch::get_num_threads()},
                       {"moves", a->moves},
                       {"generator_dtype", a->dtype},
                       {"preview_precision", backend.previewBfloat16() ? "bfloat16" : "float32"},
                       {"readouts", set->analyzer != nullptr},
                       {"preview_psnr_db", finite_or_null(psnr)}};
    double peak = 0;
    if (g.device().is_cpu()) {
      const nn::stylegan2::FmaPeak p = nn::stylegan2::measure_fma_peak();
      out["fma_peak"] = {{"gmacs", p.gmacs}, {"threads", p.threads}, {"isa", p.isa}};
      peak = p.gmacs;
    }
    auto figures = [&](int64_t size, const std::vector<double>& total, const std::vector<double>& synthesis) {
      nlohmann::json f = roofline_json(g.config(), size, median_of(synthesis), {}, peak);
      f["size"] = size;
      f["ms_median"] = median_of(total);
      f["ms_p95"] = p95_of(total);
      f["synthesis_ms_median"] = median_of(synthesis);
      return f;
    };
    out["preview"] = figures(backend.previewSize(), preview_ms, preview_synthesis);
    out["full"] = figures(g.size(), full_ms, full_synthesis);
    if (a->json) print_json(out);
    else print_table(out);
    return kOk;
  });
}
FACET_CLI_COMMAND(register_bench_preview);

}  // namespace
}  // namespace facet::cli
