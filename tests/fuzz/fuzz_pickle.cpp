// libFuzzer target: the safe unpickler on its own (any pickle, not only torch.save's framing). Persistent ids
// resolve to one small storage so that tensor views with out-of-range offsets or strides must be refused.
#include <cstddef>
#include <cstdint>

#include <torch/torch.h>

#include "core/io/error.h"
#include "core/io/pickle_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto loader = [](const facet::io::ValuePtr&) {
    return facet::io::detail::make_storage(torch::arange(16, torch::kFloat32));
  };
  try {
    size_t consumed = 0;
    (void)facet::io::detail::unpickle(reinterpret_cast<const char*>(data), size, "fuzz.pkl", loader, &consumed);
    if (consumed > size) __builtin_trap();  // the reader claims bytes it was never given
  } catch (const facet::Error&) {
  }
  return 0;
}
