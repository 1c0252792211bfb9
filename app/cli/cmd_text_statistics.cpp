// facet-cli text statistics: computes (or finds) the channel relevance statistics of a generator and CLIP model,
// OUT/relevance-<key>.pt, which `text global --cache OUT` then uses. Split with --shard I/N: the channels are cut
// into contiguous blocks; each row is computed from the same sampled faces and σ in every shard, so `merge`
// only puts the rows end to end and the file is the one a single run writes, byte for byte.
#include <filesystem>
#include <iostream>
#include <tuple>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "app/cli/interrupt.h"
#include "app/cli/text_options.h"
#include "app/cli/text_statistics.h"
#include "core/batch/parts.h"
#include "core/edit/global_directions.h"
#include "core/io/error.h"
#include "core/models/model_paths.h"

namespace facet::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* kCommand = "text statistics";

struct StatisticsArgs {
  GeneratorArgs generator;
  ClipArgs clip;
  std::string out, shard;
  edit::RelevanceOptions o;
  bool json = false;
};

std::string cache_file(const std::string& dir, const std::string& key) {
  return (fs::path(dir) / ("relevance-" + key + ".pt")).string();
}

int report(const StatisticsArgs& a, const std::string& file, const edit::ChannelRelevance& r, bool cached) {
  if (a.json)
    print_json({{"statistics", file}, {"channels", r.channels_done}, {"cached", cached}});
  else
    std::cerr << (cached ? "already computed: " : "") << r.channels_done << " channels → " << file << "\n";
  return kOk;
}

void register_statistics(CLI::App& root, Commands& commands) {
  auto& text = group(root, "text", "Text-driven edits (StyleCLIP): optimise, global, mapper, apply, tokenize");
  auto* cmd = text.add_subcommand("statistics", "Channel relevance statistics for global directions (text global "
                                                "--cache reads them); splits with --shard I/N");
  auto a = std::make_shared<StatisticsArgs>();
  add_generator_options(cmd, a->generator);
  add_clip_options(cmd, a->clip);
  cmd->add_option("--out", a->out, "folder of the statistics (default: <models>/relevance, text global's cache)");
  cmd->add_option("--samples", a->o.samples, "faces per channel")->capture_default_str();
  cmd->add_option("--std-samples", a->o.std_samples, "samples for the style channels' σ")->capture_default_str();
  cmd->add_option("--render-size", a->o.render_size, "render at this size (0: full)");
  cmd->add_option("--max-channels", a->o.max_channels, "only the first N channels (quick looks)");
  cmd->add_option("--batch", a->o.batch, "images per generator call")->capture_default_str();
  cmd->add_option("--shard", a->shard, "compute only block I of N (I/N, from 0) of the channels into --out; "
                                       "`facet-cli merge OUT` joins the blocks");
  cmd->add_flag("--json", a->json, "print the result as JSON");
  commands.bind(cmd, [a] {
    const batch::Shard shard = a->shard.empty() ? batch::Shard{} : batch::parse_shard(a->shard);
    if (!shard.whole() && a->out.empty())
      throw Error("--shard needs --out DIR: each shard writes its part there for `facet-cli merge DIR`");
    const std::string out = a->out.empty() ? models::user_models_dir() + "/relevance" : a->out;
    auto g = load_generator(a->generator);
    const std::string key = edit::relevance_cache_key(a->generator.file, clip_model_path(a->clip), a->o);
    const std::string file = cache_file(out, key);
    if (fs::exists(file)) return report(*a, file, edit::load_channel_relevance(file), true);
    const auto clip = load_clip_guide(a->clip, g->device());
    const int64_t channels = edit::relevance_channel_count(*g, a->o);
    edit::RelevanceOptions o = a->o;
    std::tie(o.first_channel, o.end_channel) = shard.block(channels);
    const InterruptScope interrupt;
    const auto progress = [](const edit::TextJobProgress& p) {
      if (p.step % 50 == 0 || p.step == p.total) std::cerr << "channel " << p.step << "/" << p.total << "\n";
      return true;
    };
    const auto r = edit::compute_channel_relevance(*g, clip, o, progress, interrupt.flag());
    if (r.cancelled) throw Error("cancelled; the relevance statistics were not stored");
    if (shard.whole()) {
      fs::create_directories(out);
      edit::save_channel_relevance(file, r);
      return report(*a, file, r, false);
    }
    const std::string part = batch::part_dir(out, shard);
    fs::create_directories(part);
    edit::save_channel_relevance(part + "/rows.pt", r);
    // Everything the rows depend on (the key holds all but the batch): shards that differ cannot be joined.
    const nlohmann::json settings{{"key", key}, {"channels", channels}, {"batch", o.batch}};
    batch::write_part_info(out, shard, kCommand, settings, true,
                           {{"first", o.first_channel}, {"end", o.end_channel}});
    return report(*a, part + "/rows.pt", r, false);
  });
}
FACET_CLI_COMMAND(register_statistics);

}  // namespace

int merge_text_statistics_parts(const std::string& out_dir) {
  const batch::Parts parts = batch::read_parts(out_dir);
  const nlohmann::json& settings = parts.infos[0]["settings"];
  std::vector<torch::Tensor> rows;
  edit::ChannelRelevance first;
  const auto blocks = batch::contiguous_blocks(parts);
  for (size_t i = 0; i < parts.dirs.size(); ++i) {
    const auto part = edit::load_channel_relevance(parts.dirs[i] + "/rows.pt");
    if (part.channels_done != blocks[i].second - blocks[i].first)
      throw Error(parts.dirs[i] + "/rows.pt holds another number of channels than its part.json says: rerun it");
    if (i == 0) first = part;
    // σ is computed by every shard; it must agree to the bit, or the shards ran on different machines' arithmetic.
    if (part.style_sizes != first.style_sizes || part.manipulable != first.manipulable ||
        !torch::equal(part.style_std, first.style_std))
      throw Error(parts.dirs[i] + " computed other style σ than " + parts.dirs[0] + ": rerun it");
    if (part.channels_done > 0) rows.push_back(part.directions);
  }
  const int64_t covered = blocks.empty() ? 0 : blocks.back().second;
  if (covered != settings.at("channels").get<int64_t>())
    throw Error(out_dir + "'s parts cover " + std::to_string(covered) + " of " + settings.at("channels").dump() +
                " channels");
  edit::ChannelRelevance joined = first;
  joined.directions = rows.empty() ? torch::zeros({0, 0}) : torch::cat(rows);
  joined.channels_done = covered;
  const std::string file = cache_file(out_dir, settings.at("key").get<std::string>());
  edit::save_channel_relevance(file, joined);
  std::cerr << "merge: " << parts.count << " shard(s) of text statistics → " << file << " (" << covered
            << " channels)\n";
  return kOk;
}

}  // namespace facet::cli
