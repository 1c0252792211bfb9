// CLIP tokenizer: the pre-tokeniser and clean-up, BPE on a hand-made merges file, and — when the release's
// vocabulary is present — exact ids known from the CLIP reference.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/io/error.h"
#include "core/nn/clip/clip_text.h"
#include "core/nn/clip/clip_tokenizer.h"
#include "tests/support/test_support.h"

namespace facet::nn::clip {
namespace {

using Ids = std::vector<int64_t>;

std::string tiny_merges() { return test::source_dir() + "/tests/data/clip/tiny_merges.txt"; }

TEST(ClipText, PretokensFollowClipsPattern) {
  EXPECT_EQ(split_pretokens(clean_text("Hello, World!  it's 2021")),
            (std::vector<std::string>{"hello", ",", "world", "!", "it", "'s", "2", "0", "2", "1"}));
  EXPECT_EQ(split_pretokens("we'll they're i'm you've he'd can't"),
            (std::vector<std::string>{"we", "'ll", "they", "'re", "i", "'m", "you", "'ve", "he", "'d", "can", "'t"}));
  EXPECT_EQ(split_pretokens("<|startoftext|>a?!<|endoftext|>"),
            (std::vector<std::string>{"<|startoftext|>", "a", "?!<|", "endoftext", "|>"}));
  // Non-ASCII letters stay inside words; CJK is a letter run; emoji are "other" symbols.
  EXPECT_EQ(split_pretokens(clean_text("Café NAÏVE 你好 😀😀 x²")),
            (std::vector<std::string>{"café", "naïve", "你好", "😀😀", "x", "²"}));
}

TEST(ClipText, CleanUpUnescapesHtmlAndCollapsesSpaces) {
  EXPECT_EQ(clean_text("  A \t\n b  "), "a b");
  EXPECT_EQ(clean_text("fish &amp; chips"), "fish & chips");
  EXPECT_EQ(clean_text("&amp;lt;tag&gt;"), "<tag>");  // unescaped twice, as CLIP does
  EXPECT_EQ(clean_text("&#65;&#x42;"), "ab");
  EXPECT_EQ(clean_text("a\xC2\xA0" "b"), "a b");  // no-break space is white space
  EXPECT_EQ(clean_text("\xFF" "ok"), "\xEF\xBF\xBD" "ok");  // invalid UTF-8 → U+FFFD, no exception
}

TEST(ClipTokenizer, BpeOnHandMadeMerges) {
  const auto t = ClipTokenizer::load(tiny_merges());
  // 512 byte symbols, 6 merges (ids 512..517), then the two special tokens.
  EXPECT_EQ(t.vocab_size(), 512 + 6 + 2);
  EXPECT_EQ(t.start_token(), 518);
  EXPECT_EQ(t.end_token(), 519);
  EXPECT_EQ(t.encode("hello"), (Ids{515}));  // l l → h e → he ll → hell o</w>, lowest rank first
  // "hell": no merge reaches l</w>: he, l (byte 'l' is symbol 108−33), l</w> (256 + that).
  EXPECT_EQ(t.encode("HELL"), (Ids{513, 108 - 33, 256 + 108 - 33}));
  // Merges apply left to right without overlap: a a a a</w> → aa a a</w>.
  EXPECT_EQ(t.encode("aaaa"), (Ids{517, 'a' - 33, 256 + 'a' - 33}));
  EXPECT_EQ(t.encode("aaaaa"), (Ids{517, 517, 256 + 'a' - 33}));
  // é is the bytes 0xC3 0xA9. The symbol table lists !..~ (ids 0–93), ¡..¬ (94–105), ®..ÿ (106–187) first:
  // 0xC3 → 106 + (0xC3 − 0xAE) = 127; 0xA9 → 94 + (0xA9 − 0xA1) = 102, with </w> 256 + 102.
  EXPECT_EQ(t.encode("é"), (Ids{127, 358}));
  // Bytes that do not print (space, control) map past the printable ones: 0x01 → symbol 188 + 1.
  EXPECT_EQ(t.encode("\x01"), (Ids{256 + 189}));
  EXPECT_EQ(t.decode(t.encode("hello aaaaa é!")), "hello aaaaa é ! ");
}

TEST(ClipTokenizer, TokenizePadsTruncatesAndRefuses) {
  const auto t = ClipTokenizer::load(tiny_merges());
  const auto tokens = t.tokenize({"hello", ""});
  ASSERT_EQ(tokens.sizes(), (c10::IntArrayRef{2, 77}));
  EXPECT_EQ(tokens[0][0].item<int64_t>(), 518);
  EXPECT_EQ(tokens[0][1].item<int64_t>(), 515);
  EXPECT_EQ(tokens[0][2].item<int64_t>(), 519);
  EXPECT_EQ(tokens[0].slice(0, 3).abs().sum().item<int64_t>(), 0);
  EXPECT_EQ(tokens[1][1].item<int64_t>(), 519);
  std::string long_text;
  for (int i = 0; i < 100; ++i) long_text += "hello ";
  EXPECT_THROW(t.tokenize({long_text}), Error);
  const auto cut = t.tokenize({long_text}, 77, true);
  EXPECT_EQ(cut[0][76].item<int64_t>(), 519);
  EXPECT_EQ(cut[0][75].item<int64_t>(), 515);
}

TEST(ClipTokenizer, BadFilesGiveClearErrors) {
  EXPECT_THROW(ClipTokenizer::load("/nonexistent/bpe.txt.gz"), Error);
  EXPECT_THROW(ClipTokenizer::from_text("#v\nonlyone\n", "bad.txt"), Error);
  EXPECT_THROW(ClipTokenizer::from_text("", "empty.txt"), Error);
}

// The release's vocabulary: $FACET_CLIP_VOCAB, or what ./facet.sh test unpacks into the build folder.
std::string release_vocab() {
  if (const char* env = std::getenv("FACET_CLIP_VOCAB")) return env;
  const std::string built = std::string(FACET_BINARY_DIR) + "/clip/bpe_simple_vocab_16e6.txt.gz";
  return std::filesystem::exists(built) ? built : "";
}

#define REQUIRE_RELEASE_VOCAB()                                                                              \
  const std::string vocab = release_vocab();                                                                \
  if (vocab.empty())                                                                                         \
    GTEST_SKIP() << "CLIP's bpe_simple_vocab_16e6.txt.gz not found (./facet.sh test fetches it with npm, or " \
                    "set FACET_CLIP_VOCAB)";

Ids framed(Ids body) {
  body.insert(body.begin(), 49406);
  body.push_back(49407);
  return body;
}

Ids first_ids(const torch::Tensor& row) {
  Ids ids;
  for (int64_t k = 0; k < row.size(0) && (k == 0 || row[k - 1].item<int64_t>() != 49407); ++k)
    ids.push_back(row[k].item<int64_t>());
  return ids;
}

TEST(ClipTokenizerRelease, IdsMatchTheReference) {
  REQUIRE_RELEASE_VOCAB();
  const auto t = ClipTokenizer::load(vocab);
  EXPECT_EQ(t.vocab_size(), 49408);
  const std::vector<std::pair<std::string, Ids>> cases = {
      {"a diagram", {320, 22697}},
      {"a dog", {320, 1929}},
      {"a cat", {320, 2368}},
      {"a photo of a cat", {320, 1125, 539, 320, 2368}},
      {"a photo of a dog", {320, 1125, 539, 320, 1929}},
      {"hello world", {3306, 1002}},
      {"Hello world!", {3306, 1002, 256}},
      {"Hello World 123", {3306, 1002, 272, 273, 274}},
      {"a cat & a dog", {320, 2368, 261, 320, 1929}},
      {"sunset over the beach", {3424, 962, 518, 2117}},
      {"dog on a beach", {1929, 525, 320, 2117}},
      {"A Photo of a TREE!", {320, 1125, 539, 320, 2677, 256}},
      {"caf\xC3\xA9", {15304}},
  };
  std::vector<std::string> texts;
  for (const auto& c : cases) texts.push_back(c.first);
  const auto tokens = t.tokenize(texts);
  for (size_t i = 0; i < cases.size(); ++i)
    EXPECT_EQ(first_ids(tokens[static_cast<int64_t>(i)]), framed(cases[i].second)) << cases[i].first;
  EXPECT_EQ(t.decode(t.encode("a photo of a cat")), "a photo of a cat ");
}

TEST(ClipTokenizerRelease, CachedWordsTokenizeAsFreshOnes) {
  REQUIRE_RELEASE_VOCAB();
  const auto t = ClipTokenizer::load(vocab);
  // Made-up words the BPE cache has never seen (8 letters each, 6 words a text), then the same texts again, now
  // from the cache, and once more with a fresh tokenizer: all three agree.
  std::vector<std::string> texts;
  uint32_t state = 12345;
  for (int i = 0; i < 200; ++i) {
    std::string text;
    for (int wds = 0; wds < 6; ++wds) {
      for (int k = 0; k < 8; ++k) {
        state = state * 1664525u + 1013904223u;
        text.push_back(static_cast<char>('a' + (state >> 24) % 26));
      }
      text.push_back(' ');
    }
    texts.push_back(text);
  }
  const auto cold = t.tokenize(texts);
  EXPECT_TRUE(torch::equal(t.tokenize(texts), cold));
  EXPECT_TRUE(torch::equal(ClipTokenizer::load(vocab).tokenize({texts[7]})[0], cold[7]));
}

}  // namespace
}  // namespace facet::nn::clip
