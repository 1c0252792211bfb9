#pragma once
// Per-block wall times of a synthesis, for the benchmarks' roofline. While a BlockTimes is alive on a thread, each
// synthesis of one sample on that thread appends the ms each resolution block took as it finishes (4², conv1 and
// to_rgb1, first). Without one, the synthesis only tests a thread-local pointer.
#include <chrono>
#include <vector>

namespace facet::nn::stylegan2 {

class BlockTimes {
 public:
  BlockTimes();
  ~BlockTimes();
  BlockTimes(const BlockTimes&) = delete;
  BlockTimes& operator=(const BlockTimes&) = delete;

  const std::vector<double>& ms() const { return ms_; }
  void clear() { ms_.clear(); }

  // Called by the synthesis on its thread: a sample starts; a block is done.
  static void start();
  static void block_done();

 private:
  BlockTimes* previous_;
  std::vector<double> ms_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace facet::nn::stylegan2
