// SHA-256 against the FIPS 180-4 examples that span several blocks (the one-block ones and sha256_file are checked
// with the batches' done-ledger) and an input that crosses block boundaries in uneven pieces.
#include <string>

#include <gtest/gtest.h>

#include "core/io/sha256.h"

using facet::io::Sha256;
using facet::io::sha256_hex;

TEST(Sha256, MultiBlockDigests) {
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PiecesHashLikeTheWhole) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += static_cast<char>(i * 7);
  Sha256 s;
  for (size_t at = 0, piece = 1; at < text.size(); at += piece, piece = piece * 3 % 71 + 1)
    s.update(std::string_view(text).substr(at, piece));
  EXPECT_EQ(s.hex(), sha256_hex(text));
}
