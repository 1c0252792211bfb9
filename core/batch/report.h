#pragma once
// A batch's JSON Lines report, one object per item ("item": its index, "status": "done" or "failed", …). It is
// also the done-ledger: a rerun skips the items whose "key" (input hash + settings) a report lists as done.
// Each line is appended and flushed when its item ends, so a run stopped at any moment leaves a report whose
// whole lines are all valid; a cut last line (a killed process) is ignored when read.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace facet::batch {

// The report's objects; none when the file does not exist. facet::Error for a bad line other than the last.
std::vector<nlohmann::json> read_report(const std::string& path);

// key → line of every item these reports list as done (later reports win).
std::map<std::string, nlohmann::json> done_items(const std::vector<std::string>& reports);

// The lines in item order (stable; a later line for the same item replaces an earlier one).
std::vector<nlohmann::json> sorted_by_item(const std::vector<nlohmann::json>& lines);
std::string to_jsonl(const std::vector<nlohmann::json>& lines);

class ReportWriter {
 public:
  // Replaces `path` (atomically) with `carried`, the lines kept from an earlier run, then appends.
  ReportWriter(std::string path, const std::vector<nlohmann::json>& carried);
  ~ReportWriter();
  ReportWriter(const ReportWriter&) = delete;
  ReportWriter& operator=(const ReportWriter&) = delete;

  void add(const nlohmann::json& line);
  // The whole run is over: the report is rewritten in item order (atomically).
  void finish();
  const std::vector<nlohmann::json>& lines() const { return lines_; }

 private:
  std::string path_;
  std::vector<nlohmann::json> lines_;
  std::FILE* file_ = nullptr;
};

}  // namespace facet::batch
