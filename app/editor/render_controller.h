#pragma once
// GUI-thread side of rendering: owns the worker thread, numbers the requests, and turns slider motion into
// "preview now, full size once the sliders rest" (a single-shot settle timer, restarted by every change).
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

  // Sliders moved: a preview render now, a full render after settleMs() without further changes.
  void setAlphas(std::vector<float> alphas);
  // Renders full size at once (after loading a photo, undo, reset).
  void renderFull(std::vector<float> alphas);
  void setBackend(std::unique_ptr<RenderBackend> backend);
  // The W+ layers every following request edits (empty: the default 0–10). Takes effect with the next request.
  void setEditedLayers(std::vector<bool> layers) { editedLayers_ = std::move(layers); }
  const std::vector<bool>& editedLayers() const { return editedLayers_; }
  // Text sliders (directions + α) sent with every later request; a preview now and a full render once they rest,
  // like setAlphas. renderFull() keeps them.
  void setTextEdits(std::vector<TextSliderValue> edits);
  const std::vector<TextSliderValue>& textEdits() const { return textEdits_; }
  void storeTextEdits(std::vector<TextSliderValue> edits) { textEdits_ = std::move(edits); }  // no render (no face)
  // The two-face operation sent with every later request (null: none): a preview now and a full render once it
  // rests, like setAlphas.
  void setTwoFaces(std::shared_ptr<const edit::TwoFaces> twoFaces);
  void storeTwoFaces(std::shared_ptr<const edit::TwoFaces> twoFaces) { twoFaces_ = std::move(twoFaces); }  // no render
  const std::shared_ptr<const edit::TwoFaces>& twoFaces() const { return twoFaces_; }
  // Show in photo: every following request pastes its render into the photo with `paste` (empty: off).
  void setPhotoPaste(std::function<QImage(const QImage&)> paste) { paste_ = std::move(paste); }
  bool pastesIntoPhoto() const { return static_cast<bool>(paste_); }

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
  std::vector<float> alphas_;
  std::vector<bool> editedLayers_;
  std::vector<TextSliderValue> textEdits_;
  std::shared_ptr<const edit::TwoFaces> twoFaces_;
  std::function<QImage(const QImage&)> paste_;
  quint64 sequence_ = 0;
  quint64 delivered_ = 0;
};

}  // namespace facet::app
