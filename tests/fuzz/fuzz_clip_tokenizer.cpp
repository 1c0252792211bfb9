// libFuzzer target: CLIP's tokenizer, both of its inputs. The bytes are read as a vocabulary (merges) file, which
// must load or give a facet::Error; and as a prompt, which a tokenizer with a small hand-made vocabulary must encode
// into ids it knows and clip.tokenize must fit into its context or refuse with a facet::Error.
#include <cstddef>
#include <cstdint>
#include <string>

#include <torch/torch.h>

#include "core/io/error.h"
#include "core/nn/clip/clip_tokenizer.h"

namespace {
using facet::nn::clip::ClipTokenizer;

const ClipTokenizer& small_tokenizer() {
  static const ClipTokenizer tokenizer =
      ClipTokenizer::from_text("#version: fuzz\nl l\nh e\nhe ll\nhell o</w>\na b\nt h\nth e</w>\n", "fuzz merges");
  return tokenizer;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const ClipTokenizer loaded = ClipTokenizer::from_text(text, "fuzz vocabulary", 64);
    (void)loaded.encode("hello the face");
  } catch (const facet::Error&) {
  }
  const ClipTokenizer& tokenizer = small_tokenizer();
  try {
    const auto ids = tokenizer.encode(text);
    for (int64_t id : ids)
      if (id < 0 || id >= tokenizer.vocab_size()) __builtin_trap();
    (void)tokenizer.decode(ids);
    const torch::Tensor tokens = tokenizer.tokenize({text}, ClipTokenizer::kContextLength, /*truncate=*/true);
    if (tokens.size(1) != ClipTokenizer::kContextLength) __builtin_trap();
  } catch (const facet::Error&) {
  }
  return 0;
}
