#include "app/cli/interrupt.h"

namespace facet::cli {
namespace {

// Only lock-free atomics are touched in the handler (async-signal-safe).
std::atomic<bool> g_interrupted{false};
std::atomic<bool> g_second_stops{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void on_interrupt_signal(int signal) {
  if (g_interrupted.exchange(true) && g_second_stops.load()) {
    std::signal(signal, SIG_DFL);
    std::raise(signal);
  }
}

}  // namespace

const std::atomic<bool>* interrupt_flag() { return &g_interrupted; }

InterruptScope::InterruptScope(Signals signals, Second second) : terminate_(signals == Signals::InterruptAndTerminate) {
  g_interrupted = false;
  g_second_stops = second == Second::StopsAtOnce;
  previous_int_ = std::signal(SIGINT, on_interrupt_signal);
  if (terminate_) previous_term_ = std::signal(SIGTERM, on_interrupt_signal);
}

InterruptScope::~InterruptScope() {
  std::signal(SIGINT, previous_int_);
  if (terminate_) std::signal(SIGTERM, previous_term_);
}

}  // namespace facet::cli
