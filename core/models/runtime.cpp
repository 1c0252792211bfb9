#include "core/models/runtime.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <thread>

#include <ATen/Context.h>
#include <ATen/Parallel.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace facet::models {

void configure_runtime() {
  // Through the environment rather than at::set_num_threads: ATen reads OMP_NUM_THREADS when a thread first runs
  // a parallel op, and set_num_threads would also start a pthreadpool (for QNNPACK, unused here) whose workers
  // spin for ~25 ms each on start, taking a core from the model's loading.
  if (!std::getenv("OMP_NUM_THREADS"))
    setenv("OMP_NUM_THREADS", std::to_string(std::max(1u, std::thread::hardware_concurrency())).c_str(), 0);
  at::get_num_threads();  // applies it to this thread now, before anything (oneDNN) asks OpenMP directly
#if defined(__GLIBC__)
  mallopt(M_MMAP_MAX, 0);                    // every block from the heap, where freed pages stay mapped
  mallopt(M_TRIM_THRESHOLD, 1 << 30);        // give memory back to the system only past 1 GiB free at the top
#endif
  set_cuda_tf32(false);
}

void set_cuda_tf32(bool allowed) { at::globalContext().setAllowTF32CuDNN(allowed); }

}  // namespace facet::models
