#pragma once
// CLIP's byte-level BPE tokenizer (openai/CLIP simple_tokenizer.py + clip.tokenize), read from the release's
// vocabulary file bpe_simple_vocab_16e6.txt.gz (gzip or plain text; zlib reads both).
//
// Vocabulary (49408 ids): the 256 byte symbols, the same with "</w>", one id per merge in file order, then
// <|startoftext|> (49406) and <|endoftext|> (49407). A word is split into byte symbols (its last one carrying
// "</w>") and the lowest-ranked adjacent pair is merged until no pair is in the merge table.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <torch/types.h>

namespace facet::nn::clip {

class ClipTokenizer {
 public:
  static constexpr int64_t kContextLength = 77;
  static constexpr int64_t kReleaseMerges = 49152 - 256 - 2;  // merges CLIP reads from its file (48894)

  // Reads the vocabulary file; the first line (a version comment) is skipped, then at most `max_merges` merge
  // lines ("a b") are used (CLIP: 48894). Throws facet::Error naming the file for a missing or malformed file.
  static ClipTokenizer load(const std::string& path, int64_t max_merges = kReleaseMerges);
  // From the file's text (tests, and callers that hold the bytes already).
  static ClipTokenizer from_text(const std::string& text, const std::string& what,
                                 int64_t max_merges = kReleaseMerges);

  // Text → BPE ids, without start/end tokens (CLIP's SimpleTokenizer.encode).
  std::vector<int64_t> encode(const std::string& text) const;
  // Ids → text (byte symbols back to UTF-8, "</w>" → space), as SimpleTokenizer.decode.
  std::string decode(const std::vector<int64_t>& ids) const;
  // clip.tokenize: [texts, context] int64 of <|startoftext|> ids <|endoftext|> then zeros. Too long texts throw
  // facet::Error unless truncate, which keeps the first `context` ids with <|endoftext|> last.
  torch::Tensor tokenize(const std::vector<std::string>& texts, int64_t context = kContextLength,
                         bool truncate = false) const;

  int64_t vocab_size() const { return static_cast<int64_t>(vocab_.size()); }
  int64_t start_token() const { return sot_; }
  int64_t end_token() const { return eot_; }

 private:
  // BPE of one pre-token already mapped to byte symbols; returns the symbols' ids.
  std::vector<int64_t> bpe(const std::string& symbols_word) const;

  std::vector<std::string> byte_symbol_;                 // byte → its printable symbol (UTF-8)
  std::unordered_map<std::string, int64_t> encoder_;     // symbol string → id
  std::vector<std::string> vocab_;                       // id → symbol string
  std::unordered_map<std::string, int64_t> merge_rank_;  // "a\x01b" → rank
  std::unordered_map<std::string, unsigned char> symbol_byte_;
  int64_t sot_ = 0, eot_ = 0;
  mutable std::shared_ptr<std::mutex> cache_mutex_ = std::make_shared<std::mutex>();
  mutable std::shared_ptr<std::unordered_map<std::string, std::vector<int64_t>>> cache_ =
      std::make_shared<std::unordered_map<std::string, std::vector<int64_t>>>();
};

}  // namespace facet::nn::clip
