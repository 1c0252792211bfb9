#include "ui/dock_width_keeper.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QResizeEvent>

namespace facet::ui {

DockWidthKeeper::DockWidthKeeper(QMainWindow* window, QDockWidget* dock, int width)
    : QObject(dock), window_(window), dock_(dock), width_(width), windowWidth_(window->width()) {
  window->installEventFilter(this);
  dock->installEventFilter(this);
}

bool DockWidthKeeper::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() != QEvent::Resize) return false;
  if (watched == dock_) {
    // The window's layout moves the docks as soon as the window's size changes, before the window hears of it: a
    // dock resized while the window keeps its width was resized by the user.
    if (window_->width() == windowWidth_ && dock_->isVisible() && !dock_->isFloating()) width_ = dock_->width();
    return false;
  }
  const bool grew = window_->width() > windowWidth_;
  windowWidth_ = window_->width();
  if (grew && dock_->isVisible() && !dock_->isFloating() && dock_->width() < width_)
    window_->resizeDocks({dock_}, {width_}, Qt::Horizontal);
  return false;
}

}  // namespace facet::ui
