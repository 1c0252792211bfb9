#pragma once
// A panel in its own dock on a main window: the dock and the panel get the object names the tests and saved window
// states find them by. Sets `panel` and returns its dock (for its toggle action or splitting).
#include <QDockWidget>
#include <QMainWindow>
#include <QScrollArea>
#include <QScrollBar>
#include <QString>

#include <algorithm>
#include <utility>

namespace facet::ui {

// `args` follow the dock (the panel's parent) in the panel's constructor.
template <typename Panel, typename... Args>
QDockWidget* addDockPanel(QMainWindow* window, Panel*& panel, const QString& title, const char* dockName,
                          const char* panelName, Qt::DockWidgetArea area, Args&&... args) {
  auto* dock = new QDockWidget(title, window);
  dock->setObjectName(dockName);
  panel = new Panel(dock, std::forward<Args>(args)...);
  panel->setObjectName(panelName);
  dock->setWidget(panel);
  window->addDockWidget(area, dock);
  return dock;
}

// The dock's panel keeps its readable height and scrolls vertically, so a short dock never clips it nor makes the
// window taller than the screen.
inline void scrollDockPanel(QDockWidget* dock, const char* scrollName) {
  auto* scroll = new QScrollArea(dock);
  scroll->setObjectName(scrollName);
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setFrameShape(QFrame::NoFrame);
  QWidget* panel = dock->widget();
  // It scrolls up and down only: never narrower than the panel and the scroll bar beside it.
  scroll->setMinimumWidth(std::max(panel->minimumWidth(), panel->minimumSizeHint().width()) +
                          scroll->verticalScrollBar()->sizeHint().width());
  scroll->setWidget(panel);
  dock->setWidget(scroll);
}

}  // namespace facet::ui
