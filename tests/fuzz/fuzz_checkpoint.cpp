// libFuzzer target: the checkpoint and .npy readers must turn any bytes into a value or a facet::Error.
// Build: CC=clang CXX=clang++ cmake -S . -B build-fuzz -DFACET_BUILD_FUZZERS=ON -DFACET_BUILD_GUI=OFF
//        -DFACET_WITH_VISION=OFF -DFACET_BUILD_TESTS=OFF && cmake --build build-fuzz --target fuzz_checkpoint
// Run:   build-fuzz/tests/fuzz/fuzz_checkpoint -max_total_time=300 corpus/ (seed it with tests/data/io/*)
#include <cstddef>
#include <cstdint>

#include <c10/util/Exception.h>

#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "core/io/npy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    auto checkpoint = facet::io::load_checkpoint_from_memory(data, size, "fuzz.pt");
    for (const auto& named : checkpoint.tensors()) (void)named.second.sum();  // touch every byte a view reaches
  } catch (const facet::Error&) {
  }
  try {
    (void)facet::io::read_npy_from_memory(data, size, "fuzz.npy");
  } catch (const facet::Error&) {
  }
  return 0;
}
