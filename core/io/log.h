#pragma once
// One named spdlog logger per core folder ("io", "nn", "face", ...), created on first use.
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

namespace facet::log {

std::shared_ptr<spdlog::logger> get(const std::string& name);

// Sets the level of every Facet logger, present and future ("trace" ... "off").
void set_level(spdlog::level::level_enum level);

}  // namespace facet::log
