#include "core/nn/network_guard.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace facet::nn {

namespace {
thread_local bool forbidden = false;

bool armed_from_build_or_environment() {
#ifndef NDEBUG
  return true;
#else
  const char* value = std::getenv("FACET_NETWORK_GUARD");
  return value && std::strcmp(value, "1") == 0;
#endif
}

std::atomic<bool>& armed_flag() {
  static std::atomic<bool> armed{armed_from_build_or_environment()};
  return armed;
}
}  // namespace

void forbid_networks_on_this_thread() { forbidden = true; }
void allow_networks_on_this_thread() { forbidden = false; }
bool networks_forbidden_on_this_thread() { return forbidden; }

void arm_network_guard(bool armed) { armed_flag().store(armed, std::memory_order_relaxed); }
bool network_guard_armed() { return armed_flag().load(std::memory_order_relaxed); }

void check_network_thread(const char* network) {
  if (!forbidden || !armed_flag().load(std::memory_order_relaxed)) return;
  // Not an exception: callers on such a thread (Qt slots) may catch and show errors, which would hide the bug.
  std::fprintf(stderr, "facet: %s ran on a thread where networks must not run (the GUI thread)\n", network);
  std::fflush(stderr);
  std::abort();
}

}  // namespace facet::nn
