#include "core/io/log.h"

#include <mutex>

#include <spdlog/sinks/stdout_color_sinks.h>

namespace facet::log {
namespace {
std::mutex g_mutex;
spdlog::level::level_enum g_level = spdlog::level::info;
}  // namespace

std::shared_ptr<spdlog::logger> get(const std::string& name) {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (auto existing = spdlog::get(name)) return existing;
  // Logs go to stderr so that stdout stays clean for --json output.
  auto logger = spdlog::stderr_color_mt(name);
  logger->set_level(g_level);
  return logger;
}

void set_level(spdlog::level::level_enum level) {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_level = level;
  spdlog::set_level(level);
}

}  // namespace facet::log
