#pragma once
// The editor's main window: menus, the preview, the side panel (sliders) and the status bar. Rendering runs in
// the render worker (app/editor); this window only sends slider values and shows the results.
#include <memory>
#include <vector>

#include <QMainWindow>
#include <QString>
#include <QVector>

#include "app/editor/render_backend.h"
#include "app/editor/render_types.h"
#include "ui/attribute_slider_panel.h"

class QLabel;
class QMenu;
class QUndoStack;

namespace facet::app {
class RenderController;
}

namespace facet::ui {

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a photo from a path (File ▸ Open, drag and drop, the command line). Reports problems in the
  // status bar and a message box; never throws.
  void openPhoto(const QString& path);
  void quitAfter(int milliseconds);

  // The attribute catalogue shown as sliders (catalogue order = α order).
  void setAttributes(const QVector<AttributeSlot>& attributes);
  // The engine behind the preview (generator, edit stack, scorers); null = none installed.
  void setRenderBackend(std::unique_ptr<app::RenderBackend> backend);

  QString statusText() const;
  AttributeSliderPanel* sliderPanel() const { return sliders_; }
  app::RenderController* renderer() const { return renderer_; }
  QUndoStack* undoStack() const { return undo_; }
  const app::RenderResult& lastResult() const { return lastResult_; }

 Q_SIGNALS:
  void previewUpdated();

 private:
  void buildMenus();
  void buildPanels();
  void showOpenDialog();
  void showAbout();
  void showResult(const app::RenderResult& result);
  void applyAlphas(const std::vector<float>& alphas);  // undo/redo: panel + full render
  void commitEdit(const std::vector<float>& alphas);

  QLabel* preview_ = nullptr;
  QLabel* deviceLabel_ = nullptr;
  QLabel* timingLabel_ = nullptr;
  AttributeSliderPanel* sliders_ = nullptr;
  app::RenderController* renderer_ = nullptr;
  QUndoStack* undo_ = nullptr;
  std::vector<float> committed_;  // α values at the last undo point
  app::RenderResult lastResult_;
  QString currentPath_;
};

}  // namespace facet::ui
