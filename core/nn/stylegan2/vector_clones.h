#pragma once
// The fast path's hand-written loops are plain C++ that the compiler vectorises over channels; x86-64 builds carry
// an AVX-512 and an AVX2 copy beside the baseline one, picked at load time for the processor the program runs on.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define FACET_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define FACET_VECTOR_CLONES
#endif
// GCC's vector types, with the element-wise ?: the activation uses; other compilers take the plain loops.
#if defined(__GNUC__) && !defined(__clang__)
#define FACET_GCC_VECTORS 1
#else
#define FACET_GCC_VECTORS 0
#endif
