#include "core/nn/stylegan2/roofline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include <torch/torch.h>

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define FACET_X86_PROBE 1
#else
#define FACET_X86_PROBE 0
#endif

// The probes measure the processor, so sanitizer builds leave them uninstrumented (checks on every step would turn
// a register loop into a memory-bound one and time the checks instead).
#if defined(__GNUC__)
#define FACET_PROBE_LOOP __attribute__((no_sanitize_address, no_sanitize_undefined))
#else
#define FACET_PROBE_LOOP
#endif

namespace facet::nn::stylegan2 {

std::vector<BlockWork> synthesis_work(const GeneratorConfig& c, int64_t output_size) {
  const int64_t target = output_size > 0 ? output_size : c.size;
  std::vector<BlockWork> blocks;
  const double first = static_cast<double>(c.channels.at(0));
  blocks.push_back({4, first * first * 9 * 16 + first * 3 * 16});
  int64_t res = 4;
  for (size_t b = 1; b < c.channels.size() && res < target; ++b, res *= 2) {
    const double in = static_cast<double>(c.channels[b - 1]), out = static_cast<double>(c.channels[b]);
    const double small = static_cast<double>(res * res), large = 4 * small;
    blocks.push_back({2 * res, in * out * 9 * small + out * out * 9 * large + out * 3 * large});
  }
  return blocks;
}

namespace {

// Independent accumulator chains, enough to cover the FMA latency on every pipe; returns their sum so that the
// loop is not dropped. Each call does kChains × lanes × iterations multiply-adds.
#if FACET_X86_PROBE
constexpr int kChains512 = 12, kChains256 = 12;

__attribute__((target("avx512f"))) FACET_PROBE_LOOP float chains_avx512(int64_t iterations) {
  __m512 acc[kChains512];
  for (int i = 0; i < kChains512; ++i) acc[i] = _mm512_set1_ps(1.0f + 0.001f * static_cast<float>(i));
  const __m512 m = _mm512_set1_ps(0.9999999f), a = _mm512_set1_ps(1e-7f);
  for (int64_t it = 0; it < iterations; ++it)
#pragma GCC unroll 16
    for (int i = 0; i < kChains512; ++i) acc[i] = _mm512_fmadd_ps(acc[i], m, a);
  __m512 sum = acc[0];
  for (int i = 1; i < kChains512; ++i) sum = _mm512_add_ps(sum, acc[i]);
  alignas(64) float lanes[16];
  _mm512_store_ps(lanes, sum);
  float total = 0;
  for (float v : lanes) total += v;
  return total;
}

__attribute__((target("avx2,fma"))) FACET_PROBE_LOOP float chains_avx2(int64_t iterations) {
  __m256 acc[kChains256];
  for (int i = 0; i < kChains256; ++i) acc[i] = _mm256_set1_ps(1.0f + 0.001f * static_cast<float>(i));
  const __m256 m = _mm256_set1_ps(0.9999999f), a = _mm256_set1_ps(1e-7f);
  for (int64_t it = 0; it < iterations; ++it)
#pragma GCC unroll 16
    for (int i = 0; i < kChains256; ++i) acc[i] = _mm256_fmadd_ps(acc[i], m, a);
  __m256 sum = acc[0];
  for (int i = 1; i < kChains256; ++i) sum = _mm256_add_ps(sum, acc[i]);
  alignas(32) float lanes[8];
  _mm256_store_ps(lanes, sum);
  float total = 0;
  for (float v : lanes) total += v;
  return total;
}
#endif

constexpr int kScalarChains = 8;
// The scalar step's factors, read at run time: with constants the compiler sees that each start value is a fixed
// point of the step in float rounding and drops the whole loop.
volatile float scalar_factor = 0.9999999f, scalar_offset = 1e-7f;

// Portable: a multiply and an add per step (what a processor without FMA does for one multiply-add).
FACET_PROBE_LOOP float chains_scalar(int64_t iterations) {
  const float m = scalar_factor, a = scalar_offset;
  float acc[kScalarChains];
  for (int i = 0; i < kScalarChains; ++i) acc[i] = 1.0f + 0.001f * static_cast<float>(i);
  for (int64_t it = 0; it < iterations; ++it)
#pragma GCC unroll 16
    for (int i = 0; i < kScalarChains; ++i) acc[i] = acc[i] * m + a;
  float total = 0;
  for (float v : acc) total += v;
  return total;
}

struct Probe {
  float (*run)(int64_t);
  double macs_per_iteration;
  const char* isa;
};

Probe probe_for(const CpuFeatures& f) {
#if FACET_X86_PROBE
  if (f.avx512) return {chains_avx512, 16.0 * kChains512, "avx512"};
  if (f.avx2_fma) return {chains_avx2, 8.0 * kChains256, "avx2"};
#else
  (void)f;
#endif
  return {chains_scalar, kScalarChains, "baseline"};
}

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// All threads start together and run `iterations`; returns the wall time of the slowest.
double run_threads(const Probe& p, int threads, int64_t iterations) {
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::atomic<float> sink{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      ready.fetch_add(1);
      while (!go.load()) std::this_thread::yield();
      sink.store(p.run(iterations));
    });
  while (ready.load() < threads) std::this_thread::yield();
  const auto start = Clock::now();
  go.store(true);
  for (auto& t : pool) t.join();
  return seconds_since(start);
}

}  // namespace

FmaPeak measure_fma_peak(int threads, double seconds, const CpuFeatures& features) {
  FmaPeak peak;
  peak.threads = threads > 0 ? threads : std::max(1, torch::get_num_threads());
  const Probe p = probe_for(features);
  peak.isa = p.isa;
  // Calibrate on one thread, then size the runs to take about `seconds` each.
  int64_t iterations = 1 << 14;
  double t = 0;
  while ((t = run_threads(p, 1, iterations)) < 0.005 && iterations < (int64_t{1} << 40)) iterations *= 4;
  iterations = std::max<int64_t>(1, static_cast<int64_t>(static_cast<double>(iterations) * seconds / t));
  double best = 0;
  for (int run = 0; run < 3; ++run) {
    const double s = run_threads(p, peak.threads, iterations);
    best = std::max(best, static_cast<double>(iterations) * p.macs_per_iteration * peak.threads / s / 1e9);
  }
  peak.gmacs = best;
  return peak;
}

}  // namespace facet::nn::stylegan2
