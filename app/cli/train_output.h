#pragma once
// `train transformer --attrs … --shard I/N`: each shard trains whole attributes (every transformer depends only on
// the data, its attribute and the seed), so `merge` only gathers the shards' files into the folder one process
// would have filled.
#include <string>

namespace facet::cli {

// What a sharded transformer run leaves in its part and `merge` copies: the weights and their resume file.
std::string transformer_file(int attribute);
// `merge` for train transformer: every attribute's files from the shard that trained it, into out_dir.
int merge_train_parts(const std::string& out_dir);

}  // namespace facet::cli
