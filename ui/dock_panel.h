#pragma once
// A panel in its own dock on a main window: the dock and the panel get the object names the tests and saved window
// states find them by. Sets `panel` and returns its dock (for its toggle action or splitting).
#include <QDockWidget>
#include <QMainWindow>
#include <QString>

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

}  // namespace facet::ui
