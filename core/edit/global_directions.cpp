#include "core/edit/global_directions.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <torch/torch.h>

#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "core/io/log.h"
#include "core/nn/clip/clip_preprocess.h"

namespace facet::edit {
namespace {

// Base styles of sampled faces: z ~ N(0, I) with a fixed seed → w → styles (no truncation).
std::vector<torch::Tensor> sample_styles(const nn::StyleGan2& g, int64_t count, uint64_t seed) {
  torch::NoGradGuard no_grad;
  auto gen = at::detail::createCPUGenerator(seed);
  const auto z = at::normal(0.0, 1.0, {count, g.style_dim()}, gen).to(g.device());
  return g.styles(g.to_wplus(g.mapping(z)));
}

torch::Tensor unit_rows(const torch::Tensor& x) { return x / x.norm(2, -1, true).clamp_min(1e-12); }

uint64_t fnv1a_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot read the generator file to key the relevance cache");
  uint64_t h = 1469598103934665603ull;
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    for (std::streamsize i = 0; i < in.gcount(); ++i) {
      h ^= static_cast<unsigned char>(buffer[static_cast<size_t>(i)]);
      h *= 1099511628211ull;
    }
  }
  return h;
}

uint64_t fnv1a(const std::string& s, uint64_t h) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

std::vector<bool> manipulable_styles(size_t count) {
  std::vector<bool> out(count, true);
  for (size_t i = 1; i < count; i += 3) out[i] = false;
  return out;
}

int64_t relevance_channel_count(const nn::StyleGan2& generator, const RelevanceOptions& o) {
  const auto s = sample_styles(generator, 1, o.seed);
  const auto manipulable = manipulable_styles(s.size());
  int64_t total = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (manipulable[i]) total += s[i].size(1);
  return o.max_channels > 0 ? std::min(total, o.max_channels) : total;
}

ChannelRelevance compute_channel_relevance(const nn::StyleGan2& generator, const ClipGuide& clip,
                                           const RelevanceOptions& o, const TextProgressFn& progress,
                                           const std::atomic<bool>* cancel) {
  if (o.samples <= 0 || o.std_samples < 2 || o.batch <= 0 || o.perturbation <= 0)
    throw Error("relevance statistics need samples > 0, std_samples ≥ 2, batch > 0 and perturbation > 0");
  torch::NoGradGuard no_grad;
  ChannelRelevance r;
  // σ per channel over sampled styles (in chunks: the mapping network is cheap, the styles are small).
  std::vector<torch::Tensor> sum, sum_sq;
  for (int64_t done = 0; done < o.std_samples;) {
    const int64_t n = std::min<int64_t>(512, o.std_samples - done);
    const auto s = sample_styles(generator, n, o.seed + 1000003ull + static_cast<uint64_t>(done));
    for (size_t i = 0; i < s.size(); ++i) {
      const auto a = s[i].sum(0), b = s[i].pow(2).sum(0);
      if (sum.size() <= i) {
        sum.push_back(a);
        sum_sq.push_back(b);
      } else {
        sum[i] += a;
        sum_sq[i] += b;
      }
    }
    done += n;
  }
  std::vector<torch::Tensor> stds;
  for (size_t i = 0; i < sum.size(); ++i) {
    const auto mean = sum[i] / o.std_samples;
    stds.push_back(((sum_sq[i] - o.std_samples * mean.pow(2)) / (o.std_samples - 1)).clamp_min(0).sqrt());
    r.style_sizes.push_back(sum[i].size(0));
  }
  r.style_std = torch::cat(stds).cpu();
  r.manipulable = manipulable_styles(r.style_sizes.size());

  int64_t total = 0;
  for (size_t i = 0; i < r.style_sizes.size(); ++i)
    if (r.manipulable[i]) total += r.style_sizes[i];
  if (o.max_channels > 0) total = std::min(total, o.max_channels);
  const int64_t first = o.first_channel, end = o.end_channel < 0 ? total : o.end_channel;
  if (first < 0 || first > end || end > total)
    throw Error("channels " + std::to_string(first) + "–" + std::to_string(end) + " are outside the " +
                std::to_string(total) + " the statistics cover");
  r.first_channel = first;
  const auto base = sample_styles(generator, o.samples, o.seed);
  const int64_t n = o.samples;
  const int64_t res = clip.model().input_resolution();
  nn::SynthesisOptions synth;
  synth.fast = true;
  synth.noise = nn::NoiseMode::Const;
  synth.output_size = o.render_size;

  std::vector<torch::Tensor> rows;
  int64_t row = 0;
  for (size_t v = 0; v < r.style_sizes.size() && row < end && !r.cancelled; ++v) {
    if (!r.manipulable[v]) continue;
    const auto sigma = stds[v];
    for (int64_t c = 0; c < r.style_sizes[v] && row < end; ++c, ++row) {
      if (row < first) continue;
      // 2n renders: the first n with s_c − kσ_c, the next n with s_c + kσ_c.
      std::vector<torch::Tensor> features;
      for (int64_t start = 0; start < 2 * n; start += o.batch) {
        const int64_t count = std::min<int64_t>(o.batch, 2 * n - start);
        const auto idx = torch::arange(start, start + count, torch::kInt64) % n;
        const auto sign = torch::where(torch::arange(start, start + count) < n, -1.0, 1.0).to(torch::kFloat32);
        std::vector<torch::Tensor> styles;
        for (size_t k = 0; k < base.size(); ++k) styles.push_back(base[k].index_select(0, idx.to(base[k].device())).clone());
        styles[v].select(1, c).add_(sign.to(styles[v].device()) * o.perturbation * sigma[c]);
        const auto images = generator.synthesis_from_styles(styles, synth).to(clip.model().device());
        const auto f = clip.model().encode_image(nn::clip::preprocess(nn::clip::from_generator_range(images), res));
        features.push_back(unit_rows(f).cpu());
      }
      const auto all = torch::cat(features);
      const auto d = unit_rows(all.slice(0, n, 2 * n) - all.slice(0, 0, n));
      rows.push_back(unit_rows(d.mean(0)));
      TextJobProgress p{static_cast<int>(row + 1 - first), static_cast<int>(end - first), 0.0, 0.0};
      if (text_job_should_stop(cancel, progress, p)) {
        r.cancelled = row + 1 < end;
        ++row;
        break;
      }
    }
  }
  r.channels_done = static_cast<int64_t>(rows.size());
  r.directions = rows.empty() ? torch::zeros({0, 0}) : torch::stack(rows);
  return r;
}

std::string relevance_cache_key(const std::string& generator_path, const std::string& clip_path,
                                const RelevanceOptions& o) {
  uint64_t h = fnv1a_file(generator_path);
  std::error_code ec;
  const auto clip_size = std::filesystem::file_size(clip_path, ec);
  std::ostringstream settings;
  settings << "clip=" << std::filesystem::path(clip_path).filename().string() << ":" << (ec ? 0 : clip_size)
           << ";samples=" << o.samples << ";std_samples=" << o.std_samples << ";k=" << o.perturbation
           << ";seed=" << o.seed << ";render=" << o.render_size << ";max_channels=" << o.max_channels;
  h = fnv1a(settings.str(), h);
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

void save_channel_relevance(const std::string& path, const ChannelRelevance& r) {
  std::vector<int64_t> flags(r.manipulable.begin(), r.manipulable.end());
  io::save_state_dict(path, {{"directions", r.directions.contiguous()},
                             {"style_std", r.style_std.contiguous()},
                             {"style_sizes", torch::tensor(r.style_sizes, torch::kInt64)},
                             {"manipulable", torch::tensor(flags, torch::kInt64)}});
}

ChannelRelevance load_channel_relevance(const std::string& path) {
  const auto t = io::load_checkpoint(path).tensors_with_prefix();
  for (const char* key : {"directions", "style_std", "style_sizes", "manipulable"})
    if (!t.count(key)) throw Error(path + ": not a Facet relevance cache (no '" + std::string(key) + "'); delete it");
  ChannelRelevance r;
  r.directions = t.at("directions").to(torch::kFloat32);
  r.style_std = t.at("style_std").to(torch::kFloat32);
  const auto sizes = t.at("style_sizes").to(torch::kInt64).contiguous();
  r.style_sizes.assign(sizes.data_ptr<int64_t>(), sizes.data_ptr<int64_t>() + sizes.numel());
  const auto flags = t.at("manipulable").to(torch::kInt64).contiguous();
  for (int64_t i = 0; i < flags.numel(); ++i) r.manipulable.push_back(flags.data_ptr<int64_t>()[i] != 0);
  r.channels_done = r.directions.size(0);
  return r;
}

ChannelRelevance cached_channel_relevance(const std::string& cache_dir, const std::string& generator_path,
                                          const std::string& clip_path, const nn::StyleGan2& generator,
                                          const ClipGuide& clip, const RelevanceOptions& options,
                                          const TextProgressFn& progress, const std::atomic<bool>* cancel) {
  const std::string path =
      (std::filesystem::path(cache_dir) / ("relevance-" + relevance_cache_key(generator_path, clip_path, options) + ".pt"))
          .string();
  if (std::filesystem::exists(path)) return load_channel_relevance(path);
  auto r = compute_channel_relevance(generator, clip, options, progress, cancel);
  if (!r.cancelled) {
    std::filesystem::create_directories(cache_dir);
    save_channel_relevance(path, r);
    log::get("edit")->info("channel relevance stored in {}", path);
  }
  return r;
}

torch::Tensor text_delta(const ClipGuide& clip, const std::string& target, const std::string& neutral,
                         const std::vector<std::string>& templates) {
  const auto d = clip.template_features(target, templates) - clip.template_features(neutral, templates);
  const double norm = d.norm().item<double>();
  if (norm < 1e-8) throw Error("target \"" + target + "\" and neutral \"" + neutral + "\" give the same CLIP text features");
  return (d / norm).cpu();
}

TextDirection global_direction(const ChannelRelevance& r, const torch::Tensor& delta_t, double beta,
                               const std::string& target, const std::string& neutral, GlobalDirectionStats* stats) {
  if (r.channels_done == 0) throw Error("the channel relevance statistics are empty; compute them first");
  if (delta_t.numel() != r.directions.size(1))
    throw Error("Δt has " + std::to_string(delta_t.numel()) + " entries, the relevance statistics " +
                std::to_string(r.directions.size(1)) + ": made with another CLIP model");
  auto relevance = torch::mv(r.directions, delta_t.to(torch::kFloat32).reshape({-1}));
  relevance = torch::where(relevance.abs() < beta, torch::zeros_like(relevance), relevance);
  const int64_t used = (relevance != 0).sum().item<int64_t>();
  if (used == 0)
    throw Error("no style channel has relevance ≥ β = " + std::to_string(beta) + " for \"" + target +
                "\"; lower β (disentanglement threshold)");
  relevance = relevance / relevance.abs().max();
  // Scatter into the full style layout, scaled by σ_c; toRGB styles stay 0.
  int64_t total = 0;
  for (auto s : r.style_sizes) total += s;
  auto delta = torch::zeros({total});
  int64_t offset = 0, row = 0;
  for (size_t v = 0; v < r.style_sizes.size(); ++v) {
    if (r.manipulable[v]) {
      const int64_t take = std::min(r.style_sizes[v], r.channels_done - row);
      if (take > 0) {
        delta.narrow(0, offset, take).copy_(relevance.narrow(0, row, take) * r.style_std.narrow(0, offset, take));
        row += take;
      }
    }
    offset += r.style_sizes[v];
  }
  if (stats) stats->channels_used = used;
  TextDirection d;
  d.prompt = target;
  d.neutral = neutral;
  d.method = "global";
  d.kind = TextDirectionKind::Style;
  d.delta = delta;
  d.style_sizes = r.style_sizes;
  d.alpha_min = -10.0;
  d.alpha_max = 10.0;
  return d;
}

}  // namespace facet::edit
