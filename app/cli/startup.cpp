#include "app/cli/startup.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; older kernels answer EINVAL and the warm-up just ends
#endif

namespace {

// A 1024² render's heap high-water mark (weights and activations) is 0.5–0.65 GB; the pre-main time populates
// about 0.45 GB and the checkpoint's reading another ~0.25 GB.
constexpr size_t kBudget = size_t(640) << 20;
constexpr size_t kStep = size_t(4) << 20;
constexpr size_t kDefaultTopPad = 128 * 1024;  // glibc's M_TOP_PAD default
constexpr size_t kProbe = size_t(1) << 20;  // more than the heap can hold before it grows: the growth happens now

std::atomic<bool> stop_requested{false};
pthread_t helper;
bool helper_running = false;
cpu_set_t allowed_cpus;  // the main thread's CPUs before the quiet BLAS start
bool cpus_narrowed = false;
char* first_page = nullptr;
char* heap_end = nullptr;

void* populate(void*) {
  // MADV_POPULATE_WRITE maps the pages without writing to them: the main thread may already be using the first
  // ones (static initialisers allocate too).
  for (char* p = first_page; p < heap_end && !stop_requested.load(std::memory_order_relaxed); p += kStep)
    if (madvise(p, std::min(kStep, static_cast<size_t>(heap_end - p)), MADV_POPULATE_WRITE) != 0) break;
  return nullptr;
}

bool is(const char* arg, const char* name) { return arg && std::strcmp(arg, name) == 0; }

// The command is the first word that is not an option (`facet-cli -v render …`); none for --help, --version or a
// CUDA device.
const char* command_of(int argc, char** argv, const char** subcommand) {
  int command = 0;
  for (int i = 1; i < argc; ++i) {
    if (is(argv[i], "--help") || is(argv[i], "-h") || is(argv[i], "--version") || std::strncmp(argv[i], "cuda", 4) == 0)
      return nullptr;
    if (!command && argv[i][0] != '-') command = i;
  }
  if (!command) return nullptr;
  *subcommand = command + 1 < argc ? argv[command + 1] : "";
  return argv[command];
}

// Commands that load a generator and render with it, or tune it, on the CPU.
bool renders(const char* command, const char* subcommand) {
  static const char* const kRendering[] = {"render", "render-timeline", "sample", "edit", "edit-video", "apply",
                                           "embed", "text", "tune"};
  for (const char* name : kRendering)
    if (is(command, name)) return true;
  return is(command, "bench") && (is(subcommand, "generator") || is(subcommand, "tune"));
}

// Of those, the ones whose matrix products are large enough for BLAS threads to matter.
bool needs_threaded_blas(const char* command) { return is(command, "text") || is(command, "embed"); }

bool disabled(char** envp) {
  for (char** e = envp; e && *e; ++e)
    if (std::strncmp(*e, "FACET_NO_STARTUP_TUNING=", 24) == 0) return true;
  return false;
}

// Runs from .preinit_array: after the dynamic loader, before every library's initialisers (libc's included, so
// getenv is not ready yet: the environment comes as envp).
void tune_startup(int argc, char** argv, char** envp) {
  const char* subcommand = "";
  const char* command = disabled(envp) ? nullptr : command_of(argc, argv, &subcommand);
  if (!command || !renders(command, subcommand) || sched_getaffinity(0, sizeof allowed_cpus, &allowed_cpus) != 0 ||
      CPU_COUNT(&allowed_cpus) < 2)
    return;
  // The same allocator settings as models::configure_runtime(), earlier: large blocks from the heap, kept.
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_TOP_PAD, static_cast<int>(kBudget));  // the next heap growth takes the whole budget at once
  void* probe = std::malloc(kProbe);
  mallopt(M_TOP_PAD, static_cast<int>(kDefaultTopPad));
  if (probe) {
    const auto page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
    first_page = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(probe) + page - 1) & ~(page - 1));
    heap_end = static_cast<char*>(sbrk(0));
    std::free(probe);
    // Only the growth just made: another malloc (a preloaded one) may not take its memory from the break at all.
    const bool grew = heap_end > first_page && static_cast<size_t>(heap_end - first_page) <= kBudget + 2 * kProbe;
    helper_running = grew && pthread_create(&helper, nullptr, populate, nullptr) == 0;
  }
  if (!needs_threaded_blas(command)) {
    cpu_set_t one;
    CPU_ZERO(&one);
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
      if (CPU_ISSET(cpu, &allowed_cpus)) {
        CPU_SET(cpu, &one);
        break;
      }
    cpus_narrowed = sched_setaffinity(0, sizeof one, &one) == 0;
  }
}

}  // namespace

__attribute__((section(".preinit_array"), used)) static void (*const facet_startup)(int, char**, char**) =
    tune_startup;

namespace facet::cli {

void end_quiet_blas_start() {
  if (cpus_narrowed) sched_setaffinity(0, sizeof allowed_cpus, &allowed_cpus);
  cpus_narrowed = false;
}

void stop_heap_warmup() {
  if (!helper_running) return;
  stop_requested.store(true, std::memory_order_relaxed);
  pthread_join(helper, nullptr);
  helper_running = false;
}

}  // namespace facet::cli

#else

namespace facet::cli {
void end_quiet_blas_start() {}
void stop_heap_warmup() {}
}  // namespace facet::cli

#endif
