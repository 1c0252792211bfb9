#pragma once
// The editor's main window: menus, the preview, the side panel (sliders, charts) and the status bar.
#include <QMainWindow>
#include <QString>

class QLabel;
class QMenu;

namespace facet::ui {

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);

  // Opens a photo from a path (File ▸ Open, drag and drop, the command line). Reports problems in the
  // status bar and a message box; never throws.
  void openPhoto(const QString& path);
  void quitAfter(int milliseconds);

  QString statusText() const;

 private:
  void buildMenus();
  void buildPanels();
  void showOpenDialog();
  void showAbout();

  QLabel* preview_ = nullptr;
  QLabel* deviceLabel_ = nullptr;
  QString currentPath_;
};

}  // namespace facet::ui
