#include "ui/preview_widget.h"

#include <algorithm>
#include <cmath>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

namespace facet::ui {

namespace {
constexpr double kMinZoom = 0.25, kMaxZoom = 16.0;
constexpr double kHandleGrabPx = 8.0;  // how close to the split line a press grabs it
}  // namespace

PreviewWidget::PreviewWidget(QWidget* parent) : QWidget(parent) {
  setMinimumSize(320, 320);
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setAutoFillBackground(false);
}

void PreviewWidget::setImage(const QImage& after) {
  after_ = after;
  message_.clear();
  // The reference size is the largest seen: a preview (smaller) then lands in the same rectangle.
  if (reference_.isEmpty() || after.width() > reference_.width()) reference_ = after.size();
  update();
}

void PreviewWidget::setBefore(const QImage& before) {
  before_ = before;
  if (!before.isNull()) reference_ = before.size();
  update();
}

void PreviewWidget::clear(const QString& message) {
  after_ = before_ = QImage();
  reference_ = QSize();
  marks_.clear();
  markLabels_.clear();
  message_ = message;
  resetView();
}

void PreviewWidget::setSplitEnabled(bool enabled) {
  split_ = enabled;
  update();
}

void PreviewWidget::setSplitPosition(double fraction) {
  splitAt_ = std::clamp(fraction, 0.0, 1.0);
  update();
  Q_EMIT splitMoved(splitAt_);
}

void PreviewWidget::setZoom(double zoom) {
  zoom_ = std::clamp(zoom, kMinZoom, kMaxZoom);
  update();
}

void PreviewWidget::resetView() {
  zoom_ = 1.0;
  pan_ = {};
  update();
}

QSizeF PreviewWidget::referenceSize() const {
  if (!reference_.isEmpty()) return reference_;
  return after_.isNull() ? QSizeF(1, 1) : QSizeF(after_.size());
}

QRectF PreviewWidget::imageRect() const {
  const QSizeF ref = referenceSize();
  const double fit = std::min(width() / ref.width(), height() / ref.height());
  const QSizeF size = ref * fit * zoom_;
  const QPointF centre = QPointF(width() / 2.0, height() / 2.0) + pan_;
  return QRectF(centre - QPointF(size.width() / 2, size.height() / 2), size);
}

double PreviewWidget::handleX() const {
  const QRectF r = imageRect();
  return r.left() + splitAt_ * r.width();
}

void PreviewWidget::paintTo(QPainter& painter) const {
  painter.fillRect(QRect(QPoint(0, 0), size()), palette().color(QPalette::Dark));
  if (after_.isNull()) {
    painter.setPen(palette().color(QPalette::BrightText));
    const int margin = std::min(width(), height()) / 10;
    painter.drawText(QRect(QPoint(0, 0), size()).adjusted(margin, margin, -margin, -margin),
                     Qt::AlignCenter | Qt::TextWordWrap, message_);
    return;
  }
  painter.setRenderHint(QPainter::SmoothPixmapTransform, zoom_ <= 2.0);
  const QRectF target = imageRect();
  const bool haveBefore = !before_.isNull();
  if (holding_ && haveBefore) {
    painter.drawImage(target, before_);
  } else {
    painter.drawImage(target, after_);
    if (split_ && haveBefore) {
      const double x = handleX();
      const QRectF left(target.topLeft(), QPointF(x, target.bottom()));
      const QRectF source(0, 0, splitAt_ * before_.width(), before_.height());
      painter.drawImage(left, before_, source);
      painter.setPen(QPen(Qt::white, 2));
      painter.drawLine(QPointF(x, target.top()), QPointF(x, target.bottom()));
      painter.setBrush(Qt::white);
      painter.drawEllipse(QPointF(x, target.center().y()), 6, 6);
    }
  }
  if (holding_ && haveBefore) {
    painter.setPen(Qt::white);
    painter.drawText(target.adjusted(8, 8, -8, -8), Qt::AlignTop | Qt::AlignLeft, tr("Before"));
  }
  if (!marks_.isEmpty()) {
    const double scale = target.width() / referenceSize().width();  // marks are in the reference image's pixels
    for (int i = 0; i < marks_.size(); ++i) {
      const QRectF box(target.topLeft() + QPointF(marks_[i].x(), marks_[i].y()) * scale,
                       QSizeF(marks_[i].size()) * scale);
      painter.setBrush(Qt::NoBrush);
      painter.setPen(QPen(QColor(255, 210, 0), 2));
      painter.drawRect(box);
      const QString label = i < markLabels_.size() ? markLabels_[i] : QString::number(i + 1);
      const QRectF tag(box.topLeft() - QPointF(0, 20), QSizeF(std::max(20.0, 9.0 * label.size() + 8), 20));
      painter.fillRect(tag, QColor(255, 210, 0));
      painter.setPen(Qt::black);
      painter.drawText(tag, Qt::AlignCenter, label);
    }
  }
}

void PreviewWidget::setFaceMarks(const QVector<QRect>& boxes, const QStringList& labels) {
  marks_ = boxes;
  markLabels_ = labels;
  update();
}

void PreviewWidget::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  paintTo(painter);
}

QImage PreviewWidget::rendered() const {
  QImage out(size(), QImage::Format_RGB32);
  QPainter painter(&out);
  paintTo(painter);
  return out;
}

void PreviewWidget::mousePressEvent(QMouseEvent* event) {
  lastMouse_ = event->position();
  if (event->button() == Qt::RightButton) {
    holding_ = true;
    update();
  } else if (event->button() == Qt::LeftButton) {
    const bool onHandle = split_ && !before_.isNull() && std::abs(event->position().x() - handleX()) <= kHandleGrabPx;
    drag_ = onHandle ? Drag::Split : Drag::Pan;
    if (drag_ == Drag::Pan) setCursor(Qt::ClosedHandCursor);
  }
}

void PreviewWidget::mouseMoveEvent(QMouseEvent* event) {
  const QPointF p = event->position();
  if (drag_ == Drag::Split) {
    const QRectF r = imageRect();
    setSplitPosition((p.x() - r.left()) / std::max(1.0, r.width()));
  } else if (drag_ == Drag::Pan) {
    pan_ += p - lastMouse_;
    update();
  } else if (split_ && !before_.isNull()) {
    setCursor(std::abs(p.x() - handleX()) <= kHandleGrabPx ? Qt::SplitHCursor : Qt::ArrowCursor);
  }
  lastMouse_ = p;
}

void PreviewWidget::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::RightButton) {
    holding_ = false;
    update();
  }
  if (event->button() == Qt::LeftButton) {
    drag_ = Drag::None;
    unsetCursor();
  }
}

void PreviewWidget::mouseDoubleClickEvent(QMouseEvent*) { resetView(); }

void PreviewWidget::wheelEvent(QWheelEvent* event) {
  const double factor = std::pow(1.0015, event->angleDelta().y());
  const double next = std::clamp(zoom_ * factor, kMinZoom, kMaxZoom);
  // Zoom about the cursor: the image point under it stays under it.
  const QPointF centre = QPointF(width() / 2.0, height() / 2.0) + pan_;
  const QPointF cursor = event->position();
  pan_ = cursor - (cursor - centre) * (next / zoom_) - QPointF(width() / 2.0, height() / 2.0);
  zoom_ = next;
  update();
}

void PreviewWidget::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_B && !event->isAutoRepeat()) {
    holding_ = true;
    update();
    return;
  }
  QWidget::keyPressEvent(event);
}

void PreviewWidget::keyReleaseEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_B && !event->isAutoRepeat()) {
    holding_ = false;
    update();
    return;
  }
  QWidget::keyReleaseEvent(event);
}

}  // namespace facet::ui
