#include "core/nn/clip/clip_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace facet::nn::clip {
namespace {

struct Range {
  char32_t lo, hi;
};

bool in_ranges(char32_t c, const Range* ranges, size_t count) {
  // Ranges are sorted: binary search for the last range starting at or before c.
  const Range* end = ranges + count;
  const Range* it = std::upper_bound(ranges, end, c, [](char32_t v, const Range& r) { return v < r.lo; });
  return it != ranges && c <= (it - 1)->hi;
}

// Letters (\p{L}) by script block, excluding the blocks' signs, punctuation and digits where they are contiguous.
constexpr Range kLetters[] = {
    {0x41, 0x5A},     {0x61, 0x7A},     {0xAA, 0xAA},     {0xB5, 0xB5},     {0xBA, 0xBA},
    {0xC0, 0xD6},     {0xD8, 0xF6},     {0xF8, 0x2C1},    {0x2C6, 0x2D1},   {0x2E0, 0x2E4},
    {0x370, 0x374},   {0x376, 0x377},   {0x37A, 0x37D},   {0x37F, 0x37F},   {0x386, 0x386},
    {0x388, 0x3FF},   {0x400, 0x481},   {0x48A, 0x52F},   {0x531, 0x556},   {0x560, 0x588},
    {0x5D0, 0x5EA},   {0x5EF, 0x5F2},   {0x620, 0x64A},   {0x66E, 0x66F},   {0x671, 0x6D3},
    {0x904, 0x939},   {0x93D, 0x93D},   {0x950, 0x950},   {0x958, 0x961},   {0x971, 0x980},
    {0x985, 0x9B9},   {0xE01, 0xE30},   {0xE32, 0xE33},   {0xE40, 0xE46},   {0x10A0, 0x10FF},
    {0x1100, 0x1248}, {0x1E00, 0x1FBC}, {0x1FC2, 0x1FCC}, {0x1FD0, 0x1FDB}, {0x1FE0, 0x1FEC},
    {0x1FF2, 0x1FFC}, {0x2C00, 0x2CE4}, {0x3041, 0x3096}, {0x309D, 0x309F}, {0x30A1, 0x30FA},
    {0x30FC, 0x30FF}, {0x3105, 0x312F}, {0x3131, 0x318E}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
    {0xA000, 0xA48C}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A},
    {0xFF66, 0xFFDC}, {0x20000, 0x2FA1F},
};

// Numbers (\p{N}): Nd digits of common scripts plus Latin-1's superscripts and fractions, Roman numerals,
// circled digits.
constexpr Range kNumbers[] = {
    {0x30, 0x39},     {0xB2, 0xB3},     {0xB9, 0xB9},     {0xBC, 0xBE},     {0x660, 0x669},
    {0x6F0, 0x6F9},   {0x966, 0x96F},   {0x9E6, 0x9EF},   {0xE50, 0xE59},   {0x2070, 0x2070},
    {0x2074, 0x2079}, {0x2080, 0x2089}, {0x2150, 0x2189}, {0x2460, 0x249B}, {0x24EA, 0x24FF},
    {0x3007, 0x3007}, {0x3021, 0x3029}, {0xFF10, 0xFF19},
};

constexpr Range kSpaces[] = {
    {0x09, 0x0D}, {0x1C, 0x20}, {0x85, 0x85}, {0xA0, 0xA0}, {0x1680, 0x1680},
    {0x2000, 0x200A}, {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000},
};

template <size_t N>
bool in(char32_t c, const Range (&table)[N]) {
  return in_ranges(c, table, N);
}

// Named HTML entities CLIP's html.unescape most often meets in prompts.
constexpr std::pair<const char*, char32_t> kEntities[] = {
    {"amp", U'&'}, {"lt", U'<'}, {"gt", U'>'}, {"quot", U'"'}, {"apos", U'\''}, {"nbsp", 0xA0},
};

// One pass of html.unescape over code points.
std::u32string unescape_html(const std::u32string& s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] != U'&') {
      out.push_back(s[i++]);
      continue;
    }
    size_t semi = s.find(U';', i + 1);
    if (semi != std::u32string::npos && semi - i <= 10) {
      const std::u32string body = s.substr(i + 1, semi - i - 1);
      if (body.size() >= 2 && body[0] == U'#') {
        const bool hex = body[1] == U'x' || body[1] == U'X';
        uint32_t value = 0;
        bool ok = body.size() > (hex ? 2u : 1u);
        for (size_t k = hex ? 2 : 1; ok && k < body.size(); ++k) {
          const char32_t d = body[k];
          int digit = -1;
          if (d >= U'0' && d <= U'9') digit = static_cast<int>(d - U'0');
          else if (hex && d >= U'a' && d <= U'f') digit = static_cast<int>(d - U'a' + 10);
          else if (hex && d >= U'A' && d <= U'F') digit = static_cast<int>(d - U'A' + 10);
          if (digit < 0) ok = false;
          else value = value * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
          if (value > 0x10FFFF) ok = false;
        }
        if (ok && value != 0) {
          out.push_back(static_cast<char32_t>(value));
          i = semi + 1;
          continue;
        }
      } else {
        bool found = false;
        for (const auto& [name, value] : kEntities) {
          if (body == utf8_decode(name)) {
            out.push_back(value);
            found = true;
            break;
          }
        }
        if (found) {
          i = semi + 1;
          continue;
        }
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

bool starts_with(const std::u32string& s, size_t pos, const char32_t* prefix) {
  for (size_t k = 0; prefix[k]; ++k)
    if (pos + k >= s.size() || s[pos + k] != prefix[k]) return false;
  return true;
}

}  // namespace

std::u32string utf8_decode(const std::string& text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const unsigned char b = p[i];
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = len > 0 && i + static_cast<size_t>(len) <= n;
    for (int k = 1; ok && k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) ok = false;
      else c = (c << 6) | (p[i + k] & 0x3F);
    }
    if (!ok) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(c);
    i += static_cast<size_t>(len);
  }
  return out;
}

std::string utf8_encode(const std::u32string& text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

bool is_letter(char32_t c) { return in(c, kLetters); }
bool is_number(char32_t c) { return in(c, kNumbers); }
bool is_space(char32_t c) { return in(c, kSpaces); }

char32_t to_lower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;                       // Latin-1
  if (c == 0x178) return 0xFF;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149) {      // Latin Extended-A pairs
    const bool odd_lower = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_lower ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;
    return c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;                       // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                                     // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

std::string clean_text(const std::string& text) {
  std::u32string s = unescape_html(unescape_html(utf8_decode(text)));
  std::u32string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char32_t c : s) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(U' ');
    pending_space = false;
    out.push_back(to_lower(c));
  }
  return utf8_encode(out);
}

std::vector<std::string> split_pretokens(const std::string& cleaned) {
  static const char32_t* const kSpecial[] = {U"<|startoftext|>", U"<|endoftext|>"};
  static const char32_t* const kContractions[] = {U"'s", U"'t", U"'re", U"'ve", U"'m", U"'ll", U"'d"};
  const std::u32string s = utf8_decode(cleaned);
  std::vector<std::string> tokens;
  size_t i = 0;
  auto take = [&](size_t end) {
    tokens.push_back(utf8_encode(s.substr(i, end - i)));
    i = end;
  };
  while (i < s.size()) {
    const char32_t c = s[i];
    bool matched = false;
    for (const char32_t* alt : kSpecial) {
      if (starts_with(s, i, alt)) {
        take(i + std::char_traits<char32_t>::length(alt));
        matched = true;
        break;
      }
    }
    if (matched) continue;
    for (const char32_t* alt : kContractions) {
      if (starts_with(s, i, alt)) {
        take(i + std::char_traits<char32_t>::length(alt));
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (is_letter(c)) {
      size_t j = i + 1;
      while (j < s.size() && is_letter(s[j])) ++j;
      take(j);
    } else if (is_number(c)) {
      take(i + 1);
    } else if (is_space(c)) {
      ++i;
    } else {
      size_t j = i + 1;
      while (j < s.size() && !is_space(s[j]) && !is_letter(s[j]) && !is_number(s[j])) ++j;
      take(j);
    }
  }
  return tokens;
}

}  // namespace facet::nn::clip
