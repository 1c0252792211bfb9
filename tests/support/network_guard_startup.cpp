// Linked into every editor test: as the QCoreApplication starts, the network guard is armed and the main thread
// (the editor's GUI thread) is marked, so a network run there stops the test.
#include <QCoreApplication>

#include "core/nn/network_guard.h"

namespace {
void armNetworkGuard() {
  facet::nn::arm_network_guard(true);
  facet::nn::forbid_networks_on_this_thread();
}
}  // namespace

Q_COREAPP_STARTUP_FUNCTION(armNetworkGuard)
