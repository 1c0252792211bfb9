// libFuzzer target: torch.save files (zip and legacy) must turn any bytes into a checkpoint or a facet::Error.
// Built and run by `./facet.sh fuzz` (tests/fuzz/run_fuzzers.sh); seeds in corpus/checkpoint.
#include <cstddef>
#include <cstdint>

#include "core/io/checkpoint.h"
#include "core/io/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    auto checkpoint = facet::io::load_checkpoint_from_memory(data, size, "fuzz.pt");
    for (const auto& named : checkpoint.tensors()) (void)named.second.sum();  // touch every byte a view reaches
  } catch (const facet::Error&) {
  }
  return 0;
}
