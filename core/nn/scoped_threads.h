#pragma once
// Runs a scope with a given number of intra-op threads and restores the previous number on exit.
//
// Small networks (face-api's, at 112–150 px) are made of many tiny operations: with two OpenMP threads each one
// ends in a barrier, and on a busy 2-core machine most of the time goes to spinning at those barriers; one thread
// is many times faster for them.
//
// Only OpenMP's per-thread setting changes: torch::set_num_threads would also clear oneDNN's primitive cache on
// every call, making the next generator render set up all its convolutions again.
#include <omp.h>

namespace facet::nn {

class ScopedThreads {
 public:
  explicit ScopedThreads(int threads) : previous_(omp_get_max_threads()) {
    if (threads != previous_) omp_set_num_threads(threads);
  }
  ~ScopedThreads() {
    if (omp_get_max_threads() != previous_) omp_set_num_threads(previous_);
  }
  ScopedThreads(const ScopedThreads&) = delete;
  ScopedThreads& operator=(const ScopedThreads&) = delete;

 private:
  int previous_;
};

}  // namespace facet::nn
