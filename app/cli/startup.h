#pragma once
// Start-up of the commands that render on the CPU. Debian's LibTorch spends ~0.3 s before main() loading and
// initialising its libraries, on one core. A pre-init hook (it runs before any library's initialiser) uses that time:
// - heap warm-up: it grows the heap's top once and has a helper thread populate those pages, so the checkpoint's
//   tensors and the first render's activations land on memory already mapped instead of faulting page by page;
// - quiet BLAS: it shows the libraries' initialisers a single CPU, so Debian's OpenBLAS starts no worker thread,
//   which would spin (sched_yield) for ~0.1 s against the two threads above. These
//   commands use BLAS only for small matrix-vector products (the mapping network) and for the portable Winograd's
//   products, whose bands then run in parallel on OpenMP's threads (`tune`: 1.4× a step at 256²); `text` and
//   `embed` (CLIP, LPIPS) keep it threaded.
//   OpenMP also takes its default team size (1) from that one CPU: models::configure_runtime() sets the main
//   thread's again, and a thread facet-cli may start later for networks must call at::init_num_threads() first.
// Linux/glibc only, and only with a spare core; FACET_NO_STARTUP_TUNING=1 in the environment turns both off.

namespace facet::cli {

// Gives the main thread back every CPU it was allowed; the first thing main() does.
void end_quiet_blas_start();

// Ends the warm-up: the helper finishes the step in hand (4 MB, ~1 ms) and exits. Called once the generator is
// loaded (rendering uses every core); later calls do nothing. Without one, the helper stops at the end of its
// budget or with the process.
void stop_heap_warmup();

}  // namespace facet::cli
