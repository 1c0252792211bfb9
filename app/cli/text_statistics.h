#pragma once
// `facet-cli text statistics`: StyleCLIP global directions' channel relevance statistics, the long part of `text
// global`, into the folder `text global --cache` reads; with --shard I/N each shard computes one block of channels.
#include <string>

namespace facet::cli {

// `merge` for text statistics: the shards' channel rows end to end, stored where one process would store them.
int merge_text_statistics_parts(const std::string& out_dir);

}  // namespace facet::cli
