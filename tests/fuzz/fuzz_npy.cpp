// libFuzzer target: .npy arrays must turn any bytes into a tensor or a facet::Error.
#include <cstddef>
#include <cstdint>

#include <torch/torch.h>

#include "core/io/error.h"
#include "core/io/npy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const torch::Tensor t = facet::io::read_npy_from_memory(data, size, "fuzz.npy");
    (void)t.sum();  // every element the header promises must be backed by bytes
  } catch (const facet::Error&) {
  }
  return 0;
}
