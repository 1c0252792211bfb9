#include "ui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

#include "app/editor/autosave.h"
#include "app/editor/render_controller.h"
#include "facet_version.h"
#include "ui/attribute_catalogue.h"
#include "ui/attribute_edit_command.h"
#include "ui/charts_panel.h"
#include "ui/dock_panel.h"
#include "ui/language.h"
#include "ui/model_manager_dialog.h"
#include "ui/preview_widget.h"
#include "ui/text_slider_panel.h"
#ifdef FACET_WITH_VISION
#include "ui/timeline_panel.h"
#endif

namespace facet::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("Facet"));
  resize(1400, 900);
  setAcceptDrops(true);
  undo_ = new QUndoStack(this);
  renderer_ = new app::RenderController(nullptr, this);
  connect(renderer_, &app::RenderController::resultReady, this, &MainWindow::showResult);
  autosaver_ = new app::Autosaver([this] { return currentSession(); }, app::Autosaver::defaultDir(), this);
  connect(autosaver_, &app::Autosaver::failed, this, [this](const QString& m) { statusBar()->showMessage(m); });
  buildMenus();
  buildPanels();
  buildEditorExtras(findChild<QMenu*>("viewMenu"), findChild<QMenu*>("toolsMenu"));  // main_window_layers.cpp
  setAttributes(celebaSlots(nullptr));
  statusBar()->showMessage(tr("Open a photo to begin (File ▸ Open)."));
}

void MainWindow::buildMenus() {
  buildFileMenu(menuBar()->addMenu(tr("&File")));

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = undo_->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  edit->addAction(undo);
  QAction* redo = undo_->createRedoAction(this, tr("&Redo"));
  redo->setShortcut(QKeySequence::Redo);
  edit->addAction(redo);
  edit->addSeparator();
  QAction* resetAll = edit->addAction(tr("Reset &all attributes"), this, [this] { sliders_->resetAll(); });
  resetAll->setObjectName("resetAllAction");
  resetAll->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->setObjectName("viewMenu");
  QAction* split = view->addAction(tr("&Before/after split"));
  split->setObjectName("splitAction");
  split->setCheckable(true);
  split->setShortcut(QKeySequence(Qt::Key_Backslash));
  connect(split, &QAction::toggled, this, [this](bool on) { preview_->setSplitEnabled(on); });
  QAction* fit = view->addAction(tr("&Fit to window"), this, [this] { preview_->resetView(); });
  fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  view->addAction(tr("Zoom &in"), this, [this] { preview_->setZoom(preview_->zoom() * 1.25); })
      ->setShortcut(QKeySequence::ZoomIn);
  view->addAction(tr("Zoom &out"), this, [this] { preview_->setZoom(preview_->zoom() / 1.25); })
      ->setShortcut(QKeySequence::ZoomOut);
  view->addSeparator();
  QMenu* language = view->addMenu(tr("&Language"));
  auto* languages = new QActionGroup(this);
  for (const QString& code : availableLanguages()) {
    QAction* action = language->addAction(languageName(code));
    action->setObjectName("language_" + code);
    action->setCheckable(true);
    action->setChecked(code == (savedLanguage().isEmpty() ? QString("en") : savedLanguage()));
    languages->addAction(action);
    connect(action, &QAction::triggered, this, [this, code] {
      saveLanguage(code);
      statusBar()->showMessage(tr("The language changes when Facet restarts."));
    });
  }
  QMenu* tools = menuBar()->addMenu(tr("&Tools"));
  tools->setObjectName("toolsMenu");
  QAction* models = tools->addAction(tr("&Models…"), this, &MainWindow::showModelManager);
  models->setObjectName("modelsAction");
  models->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About Facet"), this, &MainWindow::showAbout);
}

void MainWindow::buildPanels() {
  preview_ = new PreviewWidget(this);
  preview_->setObjectName("preview");
  preview_->clear(tr("No photo open"));
  setCentralWidget(preview_);

  addDockPanel(this, sliders_, tr("Attributes"), "attributesDock", "attributeSliders", Qt::RightDockWidgetArea);
  sliders_->setMinimumWidth(470);  // name, badge, slider, value, probability, reset
  connect(sliders_, &AttributeSliderPanel::alphasChanged, this, [this](const std::vector<float>& alphas) {
    if (models_ && !wplus_.defined()) {
      // Models are in but no face to edit (none opened yet, or a photo whose faces are not embedded).
      statusBar()->showMessage(tr("No face to edit yet: open a W+ code or a random face (File menu)."));
      return;
    }
    renderer_->setAlphas(alphas);
    autosaver_->markChanged();
  });
  connect(sliders_, &AttributeSliderPanel::editCommitted, this, &MainWindow::commitEdit);
#ifdef FACET_WITH_VISION
  installTimeline(this, sliders_, renderer_)  // record / play / render timelines, edit videos
      ->setRenderSource([this]() -> std::optional<TimelineRenderSource> {
        // The render worker's models and the face being edited (the dialog renders on its own thread).
        if (!models_ || !wplus_.defined()) return std::nullopt;
        TimelineRenderSource source{models_->generator, models_->editor,
                                    wplus_.dim() == 2 ? wplus_.unsqueeze(0) : wplus_};
        for (int i = 0; textPanel_ && i < textPanel_->count(); ++i)
          source.textSliders.push_back({textPanel_->slider(i).id.toStdString(), textPanel_->slider(i).direction});
        source.photo = photoPasteTarget();
        return source;
      });
#endif

  addDockPanel(this, charts_, tr("Numbers"), "chartsDock", "charts", Qt::LeftDockWidgetArea);
  charts_->setMinimumWidth(320);
  buildTextPanel();  // "Text edits" under the attribute sliders

  timingLabel_ = new QLabel(this);
  timingLabel_->setObjectName("timingLabel");
  statusBar()->addPermanentWidget(timingLabel_);
  modelsLabel_ = new QLabel(tr("models: none"), this);
  modelsLabel_->setObjectName("modelsLabel");
  statusBar()->addPermanentWidget(modelsLabel_);
  deviceLabel_ = new QLabel(tr("device: cpu"), this);
  deviceLabel_->setObjectName("deviceLabel");
  statusBar()->addPermanentWidget(deviceLabel_);
}

void MainWindow::setAttributes(const QVector<AttributeSlot>& attributes) {
  sliders_->setAttributes(attributes);
  QStringList names;
  for (const AttributeSlot& slot : attributes) names << slot.displayName;
  charts_->setAttributeNames(names);
#ifdef FACET_WITH_VISION
  if (auto* timeline = findChild<TimelinePanel*>()) timeline->setAttributes(attributes);
#endif
  committed_ = sliders_->alphas();
  undo_->clear();
}

void MainWindow::setRenderBackend(std::unique_ptr<app::RenderBackend> backend) {
  renderer_->setBackend(std::move(backend));
  renderer_->renderFull(sliders_->alphas());
}

void MainWindow::commitEdit(const std::vector<float>& alphas) {
  if (alphas == committed_) return;
  undo_->push(new AttributeEditCommand(committed_, alphas, [this](const std::vector<float>& a) { applyAlphas(a); },
                                       tr("Change attributes")));
  committed_ = alphas;
  autosaver_->markChanged();
}

void MainWindow::applyAlphas(const std::vector<float>& alphas) {
  sliders_->setAlphas(alphas);
  committed_ = alphas;
  if (models_ && !wplus_.defined()) return;  // no face: nothing to render
  renderer_->renderFull(alphas);
  autosaver_->markChanged();
}

void MainWindow::showResult(const app::RenderResult& result) {
  if (!result.ok()) {
    statusBar()->showMessage(result.error);
    return;
  }
  lastResult_ = result;
  // The old image stays until the new one arrives; a preview is drawn into the full image's rectangle.
  if (showInPhoto_ && hasPhotoFace()) {
    composePhotoPreview(result);  // pasted into the photo on a pool thread; shown when it is done
  } else {
    if (!result.before.isNull() && result.before.cacheKey() != preview_->before().cacheKey())
      preview_->setBefore(result.before);
    preview_->setImage(result.image);
  }
  sliders_->setProbabilities(result.probabilities);
  charts_->showResult(result);
  const QString kind = result.quality == app::RenderQuality::Preview ? tr("preview") : tr("full");
  timingLabel_->setText(tr("%1 ms/%2").arg(result.timings.total_ms, 0, 'f', 0).arg(kind));
  timingLabel_->setToolTip(tr("edit %1 ms · synthesis %2 ms · scoring %3 ms")
                               .arg(result.timings.edit_ms, 0, 'f', 1)
                               .arg(result.timings.synthesis_ms, 0, 'f', 1)
                               .arg(result.timings.scoring_ms, 0, 'f', 1));
  Q_EMIT previewUpdated();
}

void MainWindow::showModelManager() {
  ModelManagerDialog dialog(this);
  connect(&dialog, &ModelManagerDialog::modelsChanged, this,
          [this] { loadModels(models::find_model_files()); });
  dialog.exec();
}

void MainWindow::quitAfter(int milliseconds) { QTimer::singleShot(milliseconds, qApp, &QApplication::quit); }

void MainWindow::closeEvent(QCloseEvent* event) {
  autosaver_->discard();  // a clean exit: nothing to restore next time
  QMainWindow::closeEvent(event);
}

MainWindow::~MainWindow() = default;

QString MainWindow::statusText() const { return statusBar()->currentMessage(); }
QString MainWindow::deviceText() const { return deviceLabel_->text(); }
QString MainWindow::modelsText() const { return modelsLabel_->text(); }
QString MainWindow::timingText() const { return timingLabel_->text(); }

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Facet"),
                     tr("Facet %1\nEdit the attributes of faces in photos and videos with StyleGAN2 and the "
                        "Latent Transformer.").arg(FACET_VERSION));
}

}  // namespace facet::ui
