#include "core/embed/step_timing.h"

#include <algorithm>
#include <chrono>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

namespace facet::embed {

StepTiming time_embedding_steps(const std::shared_ptr<nn::StyleGan2>& generator, const PerceptualLoss& perceptual,
                                EmbedOptions options, int steps, const std::atomic<bool>* cancel) {
  using Clock = std::chrono::steady_clock;
  torch::Tensor target;
  {
    torch::NoGradGuard no_grad;
    auto seeded = at::detail::createCPUGenerator(options.seed);
    const torch::Tensor z = torch::randn({1, generator->style_dim()}, seeded).to(generator->device());
    nn::SynthesisOptions render;
    render.output_size = options.output_size;
    target = generator->synthesis(generator->to_wplus(generator->mapping(z), 0.7), render);
  }
  options.steps = std::max(steps, 1) + 1;  // the first step warms the allocator and the kernels up
  options.start = torch::Tensor();
  options.keep_best = false;
  StepTiming timing;
  auto last = Clock::now();
  const EmbedResult result =
      Image2StyleGan(generator, perceptual).embed(target, options, [&](const EmbedProgress& p) {
        const auto now = Clock::now();
        if (p.step > 1) timing.step_ms.push_back(std::chrono::duration<double, std::milli>(now - last).count());
        last = now;
      }, cancel);
  timing.final_psnr = result.final_psnr;
  if (!timing.step_ms.empty()) {
    std::vector<double> sorted = timing.step_ms;
    std::sort(sorted.begin(), sorted.end());
    timing.median_ms = sorted[sorted.size() / 2];
    timing.min_ms = sorted.front();
  }
  return timing;
}

}  // namespace facet::embed
