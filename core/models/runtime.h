#pragma once
// Process-wide settings for running networks on the CPU, applied once at start by facet and facet-cli.

namespace facet::models {

// - Threads: LibTorch counts physical cores and would use one thread on a 2-vCPU machine; use every core unless
//   the user chose with OMP_NUM_THREADS (set in the environment, where ATen looks: call this before any thread
//   runs a network).
// - Allocator (glibc): large tensors (a 1024² activation is 128 MB) would each be a fresh mmap, page-faulted in
//   and unmapped again on every layer — a quarter of a render's time. Serving them from the heap and keeping up
//   to 1 GiB of freed memory lets the next render reuse the pages (measured: page faults 2.0 M → 0.4 M and CPU
//   time −35 % for a 1024² render).
void configure_runtime();

}  // namespace facet::models
