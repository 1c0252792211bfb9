#pragma once
// The text clean-up and pre-tokenisation of CLIP's simple_tokenizer, on UTF-8 strings.
//
// CLIP splits text with a Python `regex` pattern that uses Unicode classes (\p{L}, \p{N}); std::regex works on
// bytes/chars and has no Unicode property classes, so a small hand scanner over code points does the same job:
//   <|startoftext|> | <|endoftext|> | 's 't 're 've 'm 'll 'd | letters+ | one digit | (not space/letter/digit)+
// Code points are classified by a compact range table (ASCII, Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic,
// Indic, Thai, Hangul, kana, CJK, full-width forms). Outside those ranges a code point counts as "other", which
// may differ from Python for rare scripts.
#include <string>
#include <vector>

namespace facet::nn::clip {

// Decodes UTF-8 (invalid bytes become U+FFFD, never an exception) / encodes code points.
std::u32string utf8_decode(const std::string& text);
std::string utf8_encode(const std::u32string& text);

bool is_letter(char32_t c);      // \p{L} (approximate, see above)
bool is_number(char32_t c);      // \p{N} (approximate)
bool is_space(char32_t c);       // Python's \s on str
char32_t to_lower(char32_t c);   // str.lower() for ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic

// CLIP's basic_clean + whitespace_clean + lower(): HTML entities unescaped (twice, as CLIP does; named entities
// &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric &#NN; &#xHH;), runs of white space → one space, trimmed,
// lower-cased. ftfy.fix_text (mojibake repair, NFC normalisation, curly-quote fixes) is not done: text typed into
// Facet is already valid UTF-8, which is what ftfy mostly guards against.
std::string clean_text(const std::string& text);

// Splits cleaned text into CLIP's pre-tokens (UTF-8 strings), in order.
std::vector<std::string> split_pretokens(const std::string& cleaned);

}  // namespace facet::nn::clip
