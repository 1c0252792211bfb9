#pragma once
// The preview: the edited face (or photo), with the unedited one for comparison — left of a draggable split
// handle, or in full while the right mouse button (or the B key) is held. Wheel zooms about the cursor, dragging
// pans, double-click fits. A new image is drawn into the same on-screen rectangle as the one before, so a small
// preview scales up in place and the old picture stays until the new one arrives.
#include <QImage>
#include <QRect>
#include <QStringList>
#include <QVector>
#include <QPointF>
#include <QWidget>

namespace facet::ui {

class PreviewWidget : public QWidget {
  Q_OBJECT
 public:
  explicit PreviewWidget(QWidget* parent = nullptr);

  void setImage(const QImage& after);    // the edited result (any size; drawn at the reference size)
  void setBefore(const QImage& before);  // the unedited face; its size is the reference size
  void clear(const QString& message);
  const QImage& image() const { return after_; }
  const QImage& before() const { return before_; }
  const QString& message() const { return message_; }  // shown while there is no image (the welcome)

  void setSplitEnabled(bool enabled);
  bool splitEnabled() const { return split_; }
  void setSplitPosition(double fraction);  // 0…1 across the image: before on the left, after on the right
  double splitPosition() const { return splitAt_; }
  bool showingBefore() const { return holding_; }
  void setZoom(double zoom);               // 1 = fit to the widget
  double zoom() const { return zoom_; }
  void resetView();

  // What is on screen now, as an image of the widget's size (tests, screenshots).
  QImage rendered() const;

  // Boxes drawn over the image (the faces found in a photo), in the image's pixels, each with a short label
  // ("1", "2"…); an empty list removes them.
  void setFaceMarks(const QVector<QRect>& boxes, const QStringList& labels);
  const QVector<QRect>& faceMarks() const { return marks_; }

 Q_SIGNALS:
  void splitMoved(double fraction);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;

 private:
  QRectF imageRect() const;  // where the reference-size image lands on screen (fit × zoom, panned)
  QSizeF referenceSize() const;
  double handleX() const;
  void paintTo(QPainter& painter) const;

  QImage after_, before_;
  QVector<QRect> marks_;
  QStringList markLabels_;
  QSize reference_;
  QString message_;
  bool split_ = false;
  double splitAt_ = 0.5;
  bool holding_ = false;
  double zoom_ = 1.0;
  QPointF pan_;  // offset of the image centre from the widget centre, in screen pixels
  enum class Drag { None, Split, Pan } drag_ = Drag::None;
  QPointF lastMouse_;
};

}  // namespace facet::ui
