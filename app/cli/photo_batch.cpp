#include "app/cli/photo_batch.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "core/batch/parts.h"
#include "core/batch/report.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "core/io/sha256.h"

namespace facet::cli {
namespace fs = std::filesystem;
namespace {

std::string duration_text(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char text[32];
  if (s >= 3600) std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, s / 60 % 60);
  else std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
  return text;
}

// The reports an earlier run may have left: the whole batch's and every shard's, whatever the split was.
std::vector<std::string> earlier_reports(const std::string& out) {
  std::vector<std::string> reports{(fs::path(out) / "report.jsonl").string()};
  const fs::path parts = fs::path(out) / "parts";
  if (fs::is_directory(parts))
    for (const auto& e : fs::directory_iterator(parts))
      if (fs::exists(e.path() / "report.jsonl")) reports.push_back((e.path() / "report.jsonl").string());
  return reports;
}

}  // namespace

int run_photo_batch(const PhotoBatch& batch) {
  const batch::Shard shard = batch.shard.empty() ? batch::Shard{} : batch::parse_shard(batch.shard);
  fs::create_directories(batch.out);
  const auto all = batch::read_work_items(batch.source, batch.out, batch.extension);
  std::vector<batch::WorkItem> items;
  for (const auto& item : all)
    if (shard.owns(item.index)) items.push_back(item);
  const std::string settings_text = batch.settings.dump();

  // Keys first (hashing is cheap next to the work): the ledger decides what is left to do.
  const auto done = batch::done_items(earlier_reports(batch.out));
  std::vector<nlohmann::json> carried;
  std::vector<std::pair<batch::WorkItem, std::string>> todo;
  for (const auto& item : items) {
    std::string key;
    try {
      key = io::sha256_file(item.photo) + "-" +
            io::sha256_hex(settings_text + item.options.dump() + "\n" +
                           fs::path(item.output).lexically_relative(batch.out).string());
    } catch (const Error&) {
      key.clear();  // unreadable: the item runs and its error is reported
    }
    const auto hit = key.empty() ? done.end() : done.find(key);
    if (hit != done.end() && fs::exists(item.output)) {
      nlohmann::json line = hit->second;
      line["item"] = item.index;
      carried.push_back(line);
    } else {
      todo.emplace_back(item, key);
    }
  }

  const std::string report_path = shard.whole() ? (fs::path(batch.out) / "report.jsonl").string()
                                                : batch::part_dir(batch.out, shard) + "/report.jsonl";
  if (!shard.whole()) {
    batch::write_part_info(batch.out, shard, batch.command, batch.settings, false,
                           {{"source", batch.source}, {"items", items.size()}});
  }
  batch::ReportWriter report(report_path, carried);
  std::cerr << batch.command << ": " << items.size() << " photo(s)"
            << (shard.whole() ? "" : " in shard " + batch.shard) << ", " << carried.size() << " already done, "
            << todo.size() << " to " << batch.verb << " → " << batch.out << "\n";
  if (!todo.empty() && batch.prepare) batch.prepare();

  // Ctrl+C (or the scheduler's SIGTERM) asks to stop; a second one stops at once, and the report still holds every
  // photo finished before.
  std::optional<InterruptScope> interrupt;
  interrupt.emplace(InterruptScope::Signals::InterruptAndTerminate, InterruptScope::Second::StopsAtOnce);
  const auto start = std::chrono::steady_clock::now();
  size_t finished = 0, failed = 0;
  for (const auto& [item, key] : todo) {
    if (interrupt->interrupted()) break;
    const auto t0 = std::chrono::steady_clock::now();
    nlohmann::json line{{"item", item.index}, {"photo", item.photo}, {"output", item.output}, {"key", key}};
    try {
      if (key.empty()) throw Error("cannot read " + item.photo);
      batch.run_item(item, line, interrupt->flag());
      line["status"] = "done";
    } catch (const BatchStopped&) {
      break;
    } catch (const std::exception& e) {
      line["status"] = "failed";
      line["error"] = e.what();
      ++failed;
    }
    line["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    report.add(line);
    ++finished;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double per_item = elapsed / static_cast<double>(finished);
    std::cerr << "\r[" << carried.size() + finished << "/" << items.size() << "] " << std::fixed
              << std::setprecision(1) << 60.0 / per_item << " photos/min, "
              << duration_text(per_item * static_cast<double>(todo.size() - finished)) << " left"
              << (failed ? ", " + std::to_string(failed) + " failed" : "") << "   " << std::flush;
  }
  if (finished) std::cerr << "\n";
  interrupt.reset();
  report.finish();

  const bool stopped = finished < todo.size();
  if (!shard.whole())
    batch::write_part_info(batch.out, shard, batch.command, batch.settings, !stopped,
                           {{"source", batch.source}, {"items", items.size()}, {"failed", failed}});
  if (stopped) {
    std::cerr << batch.command << ": stopped after " << carried.size() + finished << " of " << items.size()
              << " photos; the report " << report_path << " lists them, and a rerun does the rest\n";
    return kFailure;
  }
  std::cerr << batch.command << ": " << items.size() - failed << " of " << items.size() << " photos done";
  if (failed)
    std::cerr << ", " << failed << " failed (their errors are in " << report_path << "; a rerun retries them)";
  std::cerr << "\n";
  return failed ? kFailure : kOk;
}

int merge_photo_batch_parts(const std::string& out_dir) {
  const batch::Parts parts = batch::read_parts(out_dir);
  std::vector<nlohmann::json> lines;
  for (const auto& dir : parts.dirs)
    for (auto& l : batch::read_report(dir + "/report.jsonl")) lines.push_back(std::move(l));
  const auto sorted = batch::sorted_by_item(lines);
  size_t failed = 0;
  for (const auto& l : sorted) failed += l.value("status", "") == "done" ? 0 : 1;
  io::write_file_atomic((fs::path(out_dir) / "report.jsonl").string(), batch::to_jsonl(sorted));
  std::cerr << "merge: " << parts.count << " shard(s) of " << parts.command << " → " << out_dir << "/report.jsonl ("
            << sorted.size() << " photos, " << failed << " failed)\n";
  return kOk;
}

}  // namespace facet::cli
