#include "app/editor/render_worker.h"
#include "app/editor/error_text.h"

#include <chrono>
#include <exception>

#include <QMetaObject>
#include <QMutexLocker>

#include "core/io/error.h"

namespace facet::app {

RenderWorker::RenderWorker(std::unique_ptr<RenderBackend> backend, QObject* parent)
    : QObject(parent), backend_(std::move(backend)) {
  qRegisterMetaType<facet::app::RenderResult>();
}

RenderWorker::~RenderWorker() = default;

void RenderWorker::submit(RenderRequest request) {
  QMutexLocker lock(&mutex_);
  cancelled_ = false;
  if (pending_) ++dropped_;
  newestSequence_ = request.sequence;
  pending_ = std::move(request);
  if (!scheduled_) {
    scheduled_ = true;
    QMetaObject::invokeMethod(this, &RenderWorker::drain, Qt::QueuedConnection);
  }
}

void RenderWorker::setBackend(std::unique_ptr<RenderBackend> backend) {
  QMutexLocker lock(&mutex_);
  nextBackend_ = std::move(backend);
}

void RenderWorker::cancelAll() {
  QMutexLocker lock(&mutex_);
  cancelled_ = true;
  if (pending_) ++dropped_;
  pending_.reset();
}

void RenderWorker::drain() {
  RenderRequest request;
  {
    QMutexLocker lock(&mutex_);
    if (nextBackend_) backend_ = std::move(nextBackend_);
    if (!pending_) {
      scheduled_ = false;
      return;
    }
    request = std::move(*pending_);
    pending_.reset();
  }

  const quint64 sequence = request.sequence;
  const auto superseded = [this, sequence] { return cancelled_.load() || newestSequence_.load() != sequence; };
  RenderResult result;
  const auto start = std::chrono::steady_clock::now();
  if (!backend_) {
    result.error = tr("No generator is loaded. Open Tools ▸ Models to install or locate one.");
  } else {
    ++renders_;
    try {
      result = backend_->render(request, superseded);
    } catch (const facet::Error& e) {
      result = RenderResult{};
      result.error = errorText(e);
    } catch (const std::exception& e) {
      result = RenderResult{};
      result.error = tr("Rendering failed: %1").arg(errorText(e));
    }
  }
  if (result.ok() && request.paste && !superseded()) {
    try {
      result.inPhoto = request.paste(result.image);
    } catch (const std::exception& e) {
      result.error = tr("Pasting the face into the photo failed: %1").arg(errorText(e));
    }
  }
  result.sequence = sequence;
  result.quality = request.quality;
  result.timings.total_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

  // A render that gave up because a newer request arrived has nothing to show.
  const bool abandoned = result.error.isEmpty() && result.image.isNull() && superseded();
  if (abandoned) {
    ++aborted_;
  } else {
    Q_EMIT rendered(result);
  }

  QMutexLocker lock(&mutex_);
  if (pending_) {
    // Back to the event loop between renders, so queued calls (backend swaps, quit) are not starved.
    QMetaObject::invokeMethod(this, &RenderWorker::drain, Qt::QueuedConnection);
  } else {
    scheduled_ = false;
  }
}

}  // namespace facet::app
