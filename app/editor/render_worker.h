#pragma once
// The render worker: a QObject living in its own QThread that owns the render backend. Requests may arrive from
// any thread at any rate; only the newest pending one is rendered ("latest wins"), so a flood of slider moves never
// queues renders: a request that is replaced before it starts is dropped, and a render in progress is told it is
// superseded. Each result carries the sequence number of the request it answers.
#include <atomic>
#include <memory>
#include <optional>

#include <QMutex>
#include <QObject>

#include "app/editor/render_backend.h"

namespace facet::app {

class RenderWorker : public QObject {
  Q_OBJECT
 public:
  explicit RenderWorker(std::unique_ptr<RenderBackend> backend, QObject* parent = nullptr);
  ~RenderWorker() override;

  // Thread-safe. Replaces any request not yet started.
  void submit(RenderRequest request);
  // Thread-safe. Swaps the engine (models loaded or changed); takes effect before the next render.
  void setBackend(std::unique_ptr<RenderBackend> backend);
  // Thread-safe. Makes a render in progress see itself superseded and drops what is pending (shutdown).
  void cancelAll();

  int renderCount() const { return renders_.load(); }    // backend calls made
  int droppedCount() const { return dropped_.load(); }   // requests replaced before they started
  int abortedCount() const { return aborted_.load(); }   // renders that returned superseded

 Q_SIGNALS:
  // Emitted from the worker thread; connect with a queued connection (the default across threads).
  void rendered(facet::app::RenderResult result);

 private:
  void drain();  // worker thread: renders the newest pending request, then reschedules itself if needed

  QMutex mutex_;
  std::optional<RenderRequest> pending_;
  std::unique_ptr<RenderBackend> nextBackend_;
  bool scheduled_ = false;
  std::unique_ptr<RenderBackend> backend_;  // used only on the worker thread
  std::atomic<quint64> newestSequence_{0};
  std::atomic<bool> cancelled_{false};
  std::atomic<int> renders_{0};
  std::atomic<int> dropped_{0};
  std::atomic<int> aborted_{0};
};

}  // namespace facet::app
