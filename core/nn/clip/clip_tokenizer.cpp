#include "core/nn/clip/clip_tokenizer.h"

#include <limits>
#include <sstream>

#include <zlib.h>

#include "core/io/error.h"
#include "core/nn/clip/clip_text.h"

namespace facet::nn::clip {
namespace {

const char* const kStart = "<|startoftext|>";
const char* const kEnd = "<|endoftext|>";
const char* const kWordEnd = "</w>";

// GPT-2's byte ↔ printable-symbol table: bytes that print (!..~, ¡..¬, ®..ÿ) keep their code point, the others
// take 256, 257, … in byte order. The vocabulary lists the symbols in this order (printable bytes first).
std::vector<std::pair<unsigned char, char32_t>> byte_symbols_in_vocab_order() {
  std::vector<std::pair<unsigned char, char32_t>> table;
  std::vector<bool> printable(256, false);
  for (int b = 0; b < 256; ++b) printable[b] = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
  for (int b = 0; b < 256; ++b)
    if (printable[b]) table.emplace_back(static_cast<unsigned char>(b), static_cast<char32_t>(b));
  char32_t next = 256;
  for (int b = 0; b < 256; ++b)
    if (!printable[b]) table.emplace_back(static_cast<unsigned char>(b), next++);
  return table;
}

std::string read_gzip_or_text(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");  // zlib passes plain (non-gzip) files through unchanged
  if (!file)
    throw Error(path + ": cannot open the CLIP vocabulary (bpe_simple_vocab_16e6.txt.gz from openai/CLIP; "
                       "models/fetch downloads it)");
  std::string text;
  char buffer[1 << 16];
  int got = 0;
  while ((got = gzread(file, buffer, sizeof(buffer))) > 0) text.append(buffer, static_cast<size_t>(got));
  int errnum = 0;
  const char* message = gzerror(file, &errnum);
  const std::string why = message ? message : "";
  gzclose(file);
  if (got < 0 || (errnum != Z_OK && errnum != Z_BUF_ERROR))
    throw Error(path + ": cannot read the CLIP vocabulary (" + why + "); is the download complete?");
  return text;
}

}  // namespace

ClipTokenizer ClipTokenizer::load(const std::string& path, int64_t max_merges) {
  return from_text(read_gzip_or_text(path), path, max_merges);
}

ClipTokenizer ClipTokenizer::from_text(const std::string& text, const std::string& what, int64_t max_merges) {
  ClipTokenizer t;
  t.byte_symbol_.resize(256);
  for (const auto& [byte, symbol] : byte_symbols_in_vocab_order()) {
    const std::string s = utf8_encode(std::u32string(1, symbol));
    t.byte_symbol_[byte] = s;
    t.symbol_byte_[s] = byte;
    t.vocab_.push_back(s);
  }
  for (int b = 0; b < 256; ++b) t.vocab_.push_back(t.vocab_[static_cast<size_t>(b)] + kWordEnd);

  std::istringstream lines(text);
  std::string line;
  int64_t line_no = 0, merges = 0;
  while (merges < max_merges && std::getline(lines, line)) {
    ++line_no;
    if (line_no == 1) continue;  // "#version: 0.2"
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto space = line.find(' ');
    if (space == std::string::npos || space == 0 || space + 1 >= line.size() ||
        line.find(' ', space + 1) != std::string::npos)
      throw Error(what + ": line " + std::to_string(line_no) + " is not a BPE merge \"a b\"; is this CLIP's "
                  "bpe_simple_vocab_16e6.txt(.gz)?");
    const std::string first = line.substr(0, space), second = line.substr(space + 1);
    t.merge_rank_.emplace(first + ' ' + second, merges);
    t.vocab_.push_back(first + second);
    ++merges;
  }
  if (line_no <= 1) throw Error(what + ": the CLIP vocabulary is empty");
  t.sot_ = static_cast<int64_t>(t.vocab_.size());
  t.vocab_.push_back(kStart);
  t.eot_ = static_cast<int64_t>(t.vocab_.size());
  t.vocab_.push_back(kEnd);
  // Later duplicates win, as Python's dict(zip(vocab, range)) does.
  for (size_t id = 0; id < t.vocab_.size(); ++id) t.encoder_[t.vocab_[id]] = static_cast<int64_t>(id);
  return t;
}

std::vector<int64_t> ClipTokenizer::bpe(const std::string& token) const {
  if (token == kStart) return {sot_};
  if (token == kEnd) return {eot_};
  {
    std::lock_guard<std::mutex> lock(*cache_mutex_);
    const auto hit = cache_->find(token);
    if (hit != cache_->end()) return hit->second;
  }
  std::vector<std::string> word;
  for (unsigned char b : token) word.push_back(byte_symbol_[b]);
  if (word.empty()) return {};
  word.back() += kWordEnd;
  while (word.size() > 1) {
    int64_t best = std::numeric_limits<int64_t>::max();
    size_t best_at = 0;
    for (size_t i = 0; i + 1 < word.size(); ++i) {
      const auto it = merge_rank_.find(word[i] + ' ' + word[i + 1]);
      if (it != merge_rank_.end() && it->second < best) {
        best = it->second;
        best_at = i;
      }
    }
    if (best == std::numeric_limits<int64_t>::max()) break;
    const std::string first = word[best_at], second = word[best_at + 1];
    std::vector<std::string> merged;
    merged.reserve(word.size());
    for (size_t i = 0; i < word.size();) {
      if (i + 1 < word.size() && word[i] == first && word[i + 1] == second) {
        merged.push_back(first + second);
        i += 2;
      } else {
        merged.push_back(word[i++]);
      }
    }
    word.swap(merged);
  }
  std::vector<int64_t> ids;
  ids.reserve(word.size());
  for (const auto& symbol : word) {
    const auto it = encoder_.find(symbol);
    // Every merge result and byte symbol is in the vocabulary; a miss means an inconsistent vocabulary file.
    if (it == encoder_.end()) throw Error("CLIP vocabulary has no entry for BPE symbol '" + symbol + "'");
    ids.push_back(it->second);
  }
  std::lock_guard<std::mutex> lock(*cache_mutex_);
  if (cache_->size() < 100000) cache_->emplace(token, ids);
  return ids;
}

std::vector<int64_t> ClipTokenizer::encode(const std::string& text) const {
  std::vector<int64_t> ids;
  for (const auto& token : split_pretokens(clean_text(text))) {
    const auto part = bpe(token);
    ids.insert(ids.end(), part.begin(), part.end());
  }
  return ids;
}

std::string ClipTokenizer::decode(const std::vector<int64_t>& ids) const {
  std::string bytes;
  for (int64_t id : ids) {
    if (id < 0 || id >= vocab_size()) throw Error("CLIP token id " + std::to_string(id) + " is out of range");
    const std::u32string symbol = utf8_decode(vocab_[static_cast<size_t>(id)]);
    if (id == sot_ || id == eot_) {
      bytes += vocab_[static_cast<size_t>(id)];
      continue;
    }
    const std::u32string end = utf8_decode(kWordEnd);
    for (size_t i = 0; i < symbol.size();) {
      if (symbol.compare(i, end.size(), end) == 0 && i + end.size() == symbol.size()) {
        bytes.push_back(' ');
        i += end.size();
        continue;
      }
      const auto it = symbol_byte_.find(utf8_encode(std::u32string(1, symbol[i])));
      if (it != symbol_byte_.end()) bytes.push_back(static_cast<char>(it->second));
      ++i;
    }
  }
  return utf8_encode(utf8_decode(bytes));  // invalid sequences → U+FFFD, as errors="replace"
}

torch::Tensor ClipTokenizer::tokenize(const std::vector<std::string>& texts, int64_t context, bool truncate) const {
  if (context < 2) throw Error("CLIP context length must be at least 2 (got " + std::to_string(context) + ")");
  auto out = torch::zeros({static_cast<int64_t>(texts.size()), context}, torch::kInt64);
  auto acc = out.accessor<int64_t, 2>();
  for (size_t n = 0; n < texts.size(); ++n) {
    std::vector<int64_t> ids{sot_};
    const auto body = encode(texts[n]);
    ids.insert(ids.end(), body.begin(), body.end());
    ids.push_back(eot_);
    if (static_cast<int64_t>(ids.size()) > context) {
      if (!truncate)
        throw Error("text \"" + texts[n] + "\" is too long for CLIP's context of " + std::to_string(context) +
                    " tokens (" + std::to_string(ids.size()) + "); shorten it");
      ids.resize(static_cast<size_t>(context));
      ids.back() = eot_;
    }
    for (size_t k = 0; k < ids.size(); ++k) acc[static_cast<int64_t>(n)][static_cast<int64_t>(k)] = ids[k];
  }
  return out;
}

}  // namespace facet::nn::clip
