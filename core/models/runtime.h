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
// - CUDA: float32 convolutions without TF32 (set_cuda_tf32(false)).
void configure_runtime();

// cuDNN may run float32 convolutions on TF32 tensor cores (a 10-bit mantissa: about 1e-3 relative error), which
// LibTorch allows by default. Off, CUDA renders what the CPU renders to float rounding; on, faster. Process-wide;
// no effect without CUDA.
void set_cuda_tf32(bool allowed);

}  // namespace facet::models
