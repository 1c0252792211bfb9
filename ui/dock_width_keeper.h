#pragma once
// A dock keeps its width across window resizes. Qt's main window takes room from the docks when it shrinks but
// gives the room a growing window gains to the central widget alone, so a dock squeezed once stays squeezed; this
// gives the dock back the width it last had from the user (or the first-run width) when the window grows again.
#include <QObject>

class QDockWidget;
class QMainWindow;

namespace facet::ui {

class DockWidthKeeper : public QObject {
  Q_OBJECT
 public:
  DockWidthKeeper(QMainWindow* window, QDockWidget* dock, int width);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QMainWindow* window_;
  QDockWidget* dock_;
  int width_;        // what the user last gave the dock
  int windowWidth_;  // the window's width when it last told its resize
};

}  // namespace facet::ui
