#pragma once
// For test code on a thread marked against networks (the editor tests' main thread): the expected values a test
// computes itself (a render to compare with, a model set to load) run inside this scope.
#include "core/nn/network_guard.h"

namespace facet::test {

class AllowNetworksHere {
 public:
  AllowNetworksHere() : wasForbidden_(nn::networks_forbidden_on_this_thread()) { nn::allow_networks_on_this_thread(); }
  ~AllowNetworksHere() {
    if (wasForbidden_) nn::forbid_networks_on_this_thread();
  }
  AllowNetworksHere(const AllowNetworksHere&) = delete;
  AllowNetworksHere& operator=(const AllowNetworksHere&) = delete;

 private:
  bool wasForbidden_;
};

}  // namespace facet::test
