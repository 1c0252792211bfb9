#pragma once
// A render backend for tests: sleeps like a generator would, then paints a flat image whose grey level encodes
// the first α (128 + 40·α), so a test can tell which request an image answers. Preview is 32², full 128².
#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <QColor>

#include "app/editor/render_backend.h"
#include "core/io/error.h"

namespace facet::test {

using app::RenderBackend;
using app::RenderQuality;
using app::RenderRequest;
using app::RenderResult;

struct ScriptedBackend : RenderBackend {
  struct Shared {
    std::atomic<int> calls{0};
    std::atomic<int> concurrent{0};
    std::atomic<int> maxConcurrent{0};
    std::mutex mutex;
    std::vector<quint64> sequences;
  };
  std::shared_ptr<Shared> shared = std::make_shared<Shared>();
  int delayMs = 20;
  bool abortWhenSuperseded = false;
  bool throwError = false;

  RenderResult render(const RenderRequest& request, const std::function<bool()>& superseded) override {
    const int now = ++shared->concurrent;
    shared->maxConcurrent = std::max(shared->maxConcurrent.load(), now);
    ++shared->calls;
    {
      std::lock_guard<std::mutex> lock(shared->mutex);
      shared->sequences.push_back(request.sequence);
    }
    RenderResult result;
    for (int waited = 0; waited < delayMs; waited += 2) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      if (abortWhenSuperseded && superseded()) {
        --shared->concurrent;
        return result;
      }
    }
    --shared->concurrent;
    if (throwError) throw facet::Error("g.pt: no generator weights; install one in Tools ▸ Models");
    const int side = request.quality == RenderQuality::Full ? 128 : 32;
    result.image = QImage(side, side, QImage::Format_RGB32);
    const int grey = std::clamp(static_cast<int>(128 + 40 * (request.alphas.empty() ? 0.f : request.alphas[0])), 0, 255);
    result.image.fill(QColor(grey, grey, grey));
    result.probabilities.assign(request.alphas.size(), 0.5f + 0.1f * (request.alphas.empty() ? 0.f : request.alphas[0]));
    result.identity = 1.0;
    return result;
  }
};

inline int greyOf(const RenderResult& r) { return qRed(r.image.pixel(0, 0)); }

}  // namespace facet::test
