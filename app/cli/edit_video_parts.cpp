#include "app/cli/edit_video_parts.h"

#include <filesystem>
#include <iostream>

#include "app/cli/command.h"
#include "core/batch/parts.h"
#include "core/batch/scheduler.h"
#include "core/io/error.h"
#include "core/video/edit_work.h"
#include "core/video/video_edit.h"

namespace facet::cli {

std::string parts_root(const std::string& out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(out + "/parts", ec)) return out;
  const std::string work = video::EditWork(out).dir();
  return fs::is_directory(work + "/parts", ec) ? work : out;
}

std::string edit_video_parts_dir(const std::vector<std::string>& command) {
  std::string work;
  for (size_t i = 0; i < command.size(); ++i) {
    if (command[i] == "--work-dir" && i + 1 < command.size()) work = command[i + 1];
    if (command[i].rfind("--work-dir=", 0) == 0) work = command[i].substr(11);
  }
  return work.empty() ? video::EditWork(batch::out_option(command)).dir() : work;
}

int merge_edit_video_parts(const std::string& root) {
  const batch::Parts parts = batch::read_parts(root);
  std::vector<video::FrameBlock> blocks;
  const nlohmann::json& first = parts.infos.front();
  for (size_t i = 0; i < parts.dirs.size(); ++i) {
    const nlohmann::json& info = parts.infos[i];
    const video::FrameBlock block{parts.dirs[i], info.at("first").get<int>(), info.at("frames").get<int>()};
    if (!blocks.empty() && block.first != blocks.back().first + blocks.back().count)
      throw Error(parts.dirs[i] + ": its frames do not follow the shard before it (a shard stopped early?)");
    if (block.count > 0) blocks.push_back(block);
  }
  const video::VideoEditReport r = video::join_edit_parts(
      first.at("input").get<std::string>(), first.at("output").get<std::string>(), blocks,
      video::parse_codec(first.at("codec").get<std::string>()), first.at("keep_audio").get<bool>());
  std::filesystem::remove_all(root);
  std::cout << "wrote " << r.frames << " frames from " << parts.count << " shards (" << r.codec << ") to " << r.out
            << "\n"
            << r.audio << "\n";
  return kOk;
}

}  // namespace facet::cli
