#pragma once
// GUI-thread side of rendering: owns the worker thread, numbers the requests, and turns the document's snapshots
// into "preview now, full size once the edit rests" (a single-shot settle timer, restarted by every change).
// Results reach the GUI thread through resultReady(); one older than a result already delivered is dropped.
#include <functional>
#include <memory>
#include <vector>

#include <QObject>
#include <QThread>
#include <QTimer>

#include "app/editor/render_backend.h"
#include "app/editor/render_types.h"

namespace facet::app {

class RenderWorker;

class RenderController : public QObject {
  Q_OBJECT
 public:
  explicit RenderController(std::unique_ptr<RenderBackend> backend, QObject* parent = nullptr);
  ~RenderController() override;  // stops the thread after the render in progress (which is told to give up)

  // The newest edit. Moving (a slider, playback): a preview now and the full size once no newer edit came for
  // settleMs(); at rest (undo, a new face, a session): the full size at once.
  void show(EditSnapshot snapshot, bool moving);
  void setBackend(std::unique_ptr<RenderBackend> backend);

  void setSettleMs(int ms) { settle_.setInterval(ms); }
  int settleMs() const { return settle_.interval(); }

  quint64 lastSubmitted() const { return sequence_; }
  quint64 lastDelivered() const { return delivered_; }
  const RenderWorker& worker() const { return *worker_; }

 Q_SIGNALS:
  void resultReady(facet::app::RenderResult result);

 private:
  void submit(RenderQuality quality);
  void receive(const facet::app::RenderResult& result);

  QThread thread_;
  RenderWorker* worker_ = nullptr;  // lives in thread_, deleted when it finishes
  QTimer settle_;
  EditSnapshot shown_;  // the newest edit sent: what the settle timer renders at full size
  quint64 sequence_ = 0;
  quint64 delivered_ = 0;
};

}  // namespace facet::app
