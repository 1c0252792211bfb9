#include "core/nn/stylegan2/block_times.h"

namespace facet::nn::stylegan2 {

namespace {
thread_local BlockTimes* current = nullptr;
}  // namespace

BlockTimes::BlockTimes() : previous_(current), last_(std::chrono::steady_clock::now()) { current = this; }
BlockTimes::~BlockTimes() { current = previous_; }

void BlockTimes::start() {
  if (current) current->last_ = std::chrono::steady_clock::now();
}

void BlockTimes::block_done() {
  if (!current) return;
  const auto now = std::chrono::steady_clock::now();
  current->ms_.push_back(std::chrono::duration<double, std::milli>(now - current->last_).count());
  current->last_ = now;
}

}  // namespace facet::nn::stylegan2
