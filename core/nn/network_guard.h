#pragma once
// Threads where no network may run. An interactive program marks its GUI thread: a network's forward pass there
// would freeze the window for as long as it takes. Every network's entry point (check_network_thread) looks at the
// mark; the check is armed in builds without NDEBUG, when FACET_NETWORK_GUARD=1 is in the environment, or after
// arm_network_guard(true) (the editor's tests), and then a network run on a marked thread stops the program with a
// message naming the network: a failure no caller can swallow. Disarmed it costs one relaxed atomic load.
namespace facet::nn {

// The calling thread's mark (per thread; unmarked by default).
void forbid_networks_on_this_thread();
void allow_networks_on_this_thread();
bool networks_forbidden_on_this_thread();

void arm_network_guard(bool armed);
bool network_guard_armed();

// At the start of each network's forward: aborts with "<network> ran on a thread where networks must not run"
// when the guard is armed and the calling thread is marked.
void check_network_thread(const char* network);

}  // namespace facet::nn
