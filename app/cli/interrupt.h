#pragma once
// Ctrl+C for long commands: while an InterruptScope lives, SIGINT (and, when asked, the SIGTERM a scheduler sends
// before it kills a job) only raises a flag that the work checks between steps, so the command stops cleanly,
// keeping what it finished. The handlers in place before are restored when the scope ends.
#include <atomic>
#include <csignal>

namespace facet::cli {

// The flag the scopes raise. One for the process: work set up before the scope (models that keep the pointer)
// can be handed it already.
const std::atomic<bool>* interrupt_flag();

class InterruptScope {
 public:
  enum class Signals { Interrupt, InterruptAndTerminate };
  // Ignored: a second signal only raises the flag again. StopsAtOnce: the second one ends the program as the
  // default handler would (for a user who does not want to wait for the step at hand).
  enum class Second { Ignored, StopsAtOnce };

  // Lowers the flag and installs the handler.
  explicit InterruptScope(Signals signals = Signals::Interrupt, Second second = Second::Ignored);
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

  bool interrupted() const { return interrupt_flag()->load(); }
  const std::atomic<bool>* flag() const { return interrupt_flag(); }

 private:
  bool terminate_;
  void (*previous_int_)(int) = SIG_DFL;
  void (*previous_term_)(int) = SIG_DFL;
};

}  // namespace facet::cli
