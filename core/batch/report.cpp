#include "core/batch/report.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::batch {

std::vector<nlohmann::json> read_report(const std::string& path) {
  std::vector<nlohmann::json> lines;
  if (!std::filesystem::exists(path)) return lines;
  std::ifstream in(path);
  if (!in) throw Error("cannot read the report " + path);
  std::vector<std::string> text;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) text.push_back(line);
  for (size_t i = 0; i < text.size(); ++i) {
    try {
      auto j = nlohmann::json::parse(text[i]);
      if (j.is_object() && j.contains("item")) lines.push_back(std::move(j));
      else throw Error("");
    } catch (const std::exception&) {
      if (i + 1 == text.size()) break;  // cut off while being written
      throw Error(path + " line " + std::to_string(i + 1) + " is not a report line; remove the file to start over");
    }
  }
  return lines;
}

std::map<std::string, nlohmann::json> done_items(const std::vector<std::string>& reports) {
  std::map<std::string, nlohmann::json> done;
  for (const auto& r : reports)
    for (auto& line : read_report(r))
      if (line.value("status", "") == "done" && line.contains("key")) done[line["key"].get<std::string>()] = line;
  return done;
}

std::vector<nlohmann::json> sorted_by_item(const std::vector<nlohmann::json>& lines) {
  std::map<int64_t, nlohmann::json> by_item;
  for (const auto& l : lines) by_item[l["item"].get<int64_t>()] = l;
  std::vector<nlohmann::json> out;
  for (auto& [item, l] : by_item) out.push_back(std::move(l));
  return out;
}

std::string to_jsonl(const std::vector<nlohmann::json>& lines) {
  std::string text;
  for (const auto& l : lines) text += l.dump() + "\n";
  return text;
}

ReportWriter::ReportWriter(std::string path, const std::vector<nlohmann::json>& carried)
    : path_(std::move(path)), lines_(carried) {
  io::write_file_atomic(path_, to_jsonl(lines_));
  file_ = std::fopen(path_.c_str(), "ab");
  if (!file_) throw Error("cannot write the report " + path_);
}

ReportWriter::~ReportWriter() {
  if (file_) std::fclose(file_);
}

void ReportWriter::add(const nlohmann::json& line) {
  lines_.push_back(line);
  const std::string text = line.dump() + "\n";
  // One write per line, flushed: a stop between items never leaves half a line.
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size() || std::fflush(file_) != 0)
    throw Error("cannot write the report " + path_ + " (disk full?)");
}

void ReportWriter::finish() {
  std::fclose(file_);
  file_ = nullptr;
  io::write_file_atomic(path_, to_jsonl(sorted_by_item(lines_)));
}

}  // namespace facet::batch
