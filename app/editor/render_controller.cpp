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

void RenderController::setAlphas(std::vector<float> alphas) {
  alphas_ = std::move(alphas);
  submit(RenderQuality::Preview);
  settle_.start();
}

void RenderController::renderFull(std::vector<float> alphas) {
  alphas_ = std::move(alphas);
  settle_.stop();
  submit(RenderQuality::Full);
}

void RenderController::setTextEdits(std::vector<TextSliderValue> edits) {
  textEdits_ = std::move(edits);
  submit(RenderQuality::Preview);
  settle_.start();
}

void RenderController::setTwoFaces(std::shared_ptr<const edit::TwoFaces> twoFaces) {
  twoFaces_ = std::move(twoFaces);
  submit(RenderQuality::Preview);
  settle_.start();
}

void RenderController::setBackend(std::unique_ptr<RenderBackend> backend) { worker_->setBackend(std::move(backend)); }

void RenderController::submit(RenderQuality quality) {
  RenderRequest request;
  request.sequence = ++sequence_;
  request.alphas = alphas_;
  request.quality = quality;
  request.editedLayers = editedLayers_;
  request.textEdits = textEdits_;
  request.twoFaces = twoFaces_;
  request.paste = paste_;
  worker_->submit(std::move(request));
}

void RenderController::receive(const RenderResult& result) {
  if (result.sequence <= delivered_) return;  // an answer to an older request than one already shown
  delivered_ = result.sequence;
  Q_EMIT resultReady(result);
}

}  // namespace facet::app
