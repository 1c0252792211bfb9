#pragma once
// Caps the CPU features Facet's kernels are chosen by while it lives (as FACET_CPU_FEATURES does), and gives the
// processor's own back at the end of the scope, also when an assertion leaves the test early.
#include <string>

#include "core/nn/stylegan2/cpu_features.h"

namespace facet::test {

struct CpuFeaturesCap {
  explicit CpuFeaturesCap(const std::string& cap) { nn::stylegan2::set_cpu_features_cap(cap); }
  ~CpuFeaturesCap() { nn::stylegan2::set_cpu_features_cap("native"); }
  CpuFeaturesCap(const CpuFeaturesCap&) = delete;
  CpuFeaturesCap& operator=(const CpuFeaturesCap&) = delete;
};

}  // namespace facet::test
