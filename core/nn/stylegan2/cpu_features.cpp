#include "core/nn/stylegan2/cpu_features.h"

#include <atomic>
#include <cstdlib>

#include "core/io/error.h"

namespace facet::nn::stylegan2 {

namespace {
CpuFeatures detected() {
  CpuFeatures f;
#if defined(__GNUC__) && defined(__x86_64__)
  __builtin_cpu_init();
  f.avx2_fma = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  f.avx512 = f.avx2_fma && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
             __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq");
#if defined(__clang__) || __GNUC__ >= 11
  f.avx512_bf16 = f.avx512 && __builtin_cpu_supports("avx512bf16");
#endif
#endif
  return f;
}
}  // namespace

CpuFeatures cpu_features_capped(const std::string& cap) {
  CpuFeatures f = detected();
  if (cap.empty() || cap == "native") return f;
  if (cap == "avx512") {
    f.avx512_bf16 = false;
  } else if (cap == "avx2") {
    f.avx512 = f.avx512_bf16 = false;
  } else if (cap == "baseline") {
    f = CpuFeatures{};
  } else {
    throw Error("FACET_CPU_FEATURES='" + cap + "': use native, avx512, avx2 or baseline");
  }
  return f;
}

namespace {
std::atomic<int> capped{-1};  // the features as bits (see bits_of), -1 until read from the environment
int bits_of(const CpuFeatures& f) { return (f.avx2_fma ? 1 : 0) | (f.avx512 ? 2 : 0) | (f.avx512_bf16 ? 4 : 0); }
}  // namespace

CpuFeatures cpu_features() {
  int bits = capped.load();
  if (bits < 0) {
    const char* cap = std::getenv("FACET_CPU_FEATURES");
    bits = bits_of(cpu_features_capped(cap ? cap : ""));
    capped.store(bits);
  }
  return CpuFeatures{(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
}

void set_cpu_features_cap(const std::string& cap) { capped.store(bits_of(cpu_features_capped(cap))); }

std::string describe(const CpuFeatures& f) {
  if (f.avx512_bf16) return "avx512_bf16";
  if (f.avx512) return "avx512";
  if (f.avx2_fma) return "avx2";
  return "baseline";
}

}  // namespace facet::nn::stylegan2
