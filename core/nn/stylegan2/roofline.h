#pragma once
// The roofline of synthesis on the CPU: how much direct-convolution work a render is, and how fast this machine
// can multiply-add at best, so a benchmark can show achieved work per second against that peak ("× peak" above 1
// means the fast path does the work with fewer multiplications than a direct convolution).
#include <cstdint>
#include <string>
#include <vector>

#include "core/nn/stylegan2/cpu_features.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::nn::stylegan2 {

struct BlockWork {
  int64_t resolution = 0;  // the block's output side (4 for conv1 + to_rgb1)
  double macs = 0;         // multiply-adds of its convolutions done directly
};

// Per resolution block up to `output_size` (0: the model's size): 3×3 convolutions in·out·9·H·W at their output
// size, the up-sampling ones at their input size (the stride-2 transposed convolution's own work), the ToRGB 1×1s
// in·3·H·W. Blocks in synthesis order, 4² first.
std::vector<BlockWork> synthesis_work(const GeneratorConfig& config, int64_t output_size = 0);

struct FmaPeak {
  double gmacs = 0;   // 10⁹ float32 multiply-adds per second, all threads together
  int threads = 0;
  std::string isa;    // the instruction set the probe ran ("avx512", "avx2", "baseline")
};

// The float32 FMA peak on `threads` threads (0: LibTorch's thread count): each thread runs independent chains of
// vector FMAs (the widest `features` allows) for about `seconds`; the best of three runs.
FmaPeak measure_fma_peak(int threads = 0, double seconds = 0.05, const CpuFeatures& features = cpu_features());

}  // namespace facet::nn::stylegan2
