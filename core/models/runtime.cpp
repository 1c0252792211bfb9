#include "core/models/runtime.h"

#include <algorithm>
#include <cstdlib>
#include <thread>

#include <torch/torch.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace facet::models {

void configure_runtime() {
  if (!std::getenv("OMP_NUM_THREADS"))
    torch::set_num_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
#if defined(__GLIBC__)
  mallopt(M_MMAP_MAX, 0);                    // every block from the heap, where freed pages stay mapped
  mallopt(M_TRIM_THRESHOLD, 1 << 30);        // give memory back to the system only past 1 GiB free at the top
#endif
}

}  // namespace facet::models
