#pragma once
// facet-cli spends ~0.2 s before main() in LibTorch's library initialisers, on one core, while the other idles;
// its first render then spends about as long page-faulting fresh heap. A pre-init hook (it runs before any
// library's initialiser) grows the heap's top once and has a helper thread populate those pages during that time,
// so the checkpoint's tensors and the render's activations land on memory that is already mapped.
// Linux/glibc only, a spare core only, and only for commands that load a generator on the CPU;
// FACET_NO_HEAP_WARMUP=1 in the environment turns it off.

namespace facet::cli {

// Ends the warm-up: the helper finishes the step in hand (8 MB, ~2 ms) and exits. Called once the generator is
// loaded (rendering uses every core) and before exit; later calls do nothing.
void stop_heap_warmup();

}  // namespace facet::cli
