#include "app/editor/render_controller.h"

#include "app/editor/render_worker.h"

namespace facet::app {

namespace {
constexpr int kDefaultSettleMs = 250;  // long enough to span the gaps of a slow drag, short enough to feel instant
}

RenderController::RenderController(std::unique_ptr<RenderBackend> backend, QObject* parent) : QObject(parent) {
  thread_.setObjectName("facet-render");
  worker_ = new RenderWorker(std::move(backend));
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(worker_, &RenderWorker::rendered, this, &RenderController::receive, Qt::QueuedConnection);
  settle_.setSingleShot(true);
  settle_.setInterval(kDefaultSettleMs);
  connect(&settle_, &QTimer::timeout, this, [this] { submit(RenderQuality::Full); });
  thread_.start();
}

RenderController::~RenderController() {
  settle_.stop();
  worker_->cancelAll();
  thread_.quit();
  thread_.wait();
}

void RenderController::show(EditSnapshot snapshot, bool moving) {
  shown_ = std::move(snapshot);
  if (moving) {
    submit(RenderQuality::Preview);
    settle_.start();
  } else {
    settle_.stop();
    submit(RenderQuality::Full);
  }
}

void RenderController::setBackend(std::unique_ptr<RenderBackend> backend) { worker_->setBackend(std::move(backend)); }

void RenderController::submit(RenderQuality quality) {
  RenderRequest request;
  request.sequence = ++sequence_;
  request.alphas = shown_.alphas;
  request.quality = quality;
  request.editedLayers = shown_.editedLayers;
  request.textEdits = shown_.textEdits;
  request.twoFaces = shown_.twoFaces;
  request.paste = shown_.paste;
  worker_->submit(std::move(request));
}

void RenderController::receive(const RenderResult& result) {
  if (result.sequence <= delivered_) return;  // an answer to an older request than one already shown
  delivered_ = result.sequence;
  Q_EMIT resultReady(result);
}

}  // namespace facet::app
