#pragma once
// What the processor offers the fast path's hand-written kernels, read once. FACET_CPU_FEATURES caps it, so that
// tests and benchmarks can run the portable code on a machine that has more: "baseline" (no AVX2), "avx2" (no
// AVX-512), "avx512" (no AVX512_BF16); unset or "native": everything the processor has.
#include <string>

namespace facet::nn::stylegan2 {

struct CpuFeatures {
  bool avx2_fma = false;     // AVX2 with FMA3
  bool avx512 = false;       // AVX-512 F, BW, VL and DQ
  bool avx512_bf16 = false;  // AVX512_BF16 (vdpbf16ps: bfloat16 pairs summed into float32)
};

// The processor's features under FACET_CPU_FEATURES's cap (read at the first call), or under the last
// set_cpu_features_cap.
CpuFeatures cpu_features();
// Caps the features from now on, process-wide, as FACET_CPU_FEATURES does (tests: a kernel with its feature
// forced off). Call it while no synthesis runs. Throws facet::Error for an unknown name.
void set_cpu_features_cap(const std::string& cap);
// The same for a cap given by name (as FACET_CPU_FEATURES); throws facet::Error for an unknown name.
CpuFeatures cpu_features_capped(const std::string& cap);
// "avx512_bf16", "avx512", "avx2" or "baseline": the best level `f` reaches.
std::string describe(const CpuFeatures& f);

}  // namespace facet::nn::stylegan2
