#include "ui/main_window.h"

#include <algorithm>

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QUndoStack>

#include "app/editor/autosave.h"
#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "app/editor/job_runner.h"
#include "app/editor/model_loader.h"
#include "app/editor/open_workflow.h"
#include "app/editor/photo_face.h"
#include "app/editor/render_controller.h"
#include "app/editor/tune_workflow.h"
#include "core/edit/attributes.h"
#include "ui/attribute_catalogue.h"
#include "ui/charts_panel.h"
#include "ui/dock_panel.h"
#include "ui/dock_width_keeper.h"
#include "ui/editor_docks.h"
#include "ui/file_menu.h"
#include "ui/help_menu.h"
#include "ui/job_progress.h"
#include "ui/language.h"
#include "ui/menu_entries.h"
#include "ui/menu_shortcut_priority.h"
#include "ui/message_bar.h"
#include "ui/model_manager_dialog.h"
#include "ui/preview_speed_menu.h"
#include "ui/preview_widget.h"
#include "ui/status_corner.h"
#include "ui/text_slider_panel.h"
#ifdef FACET_WITH_VISION
#include "app/editor/video_sources.h"
#include "ui/timeline_panel.h"
#endif

namespace facet::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("Facet"));
  // Room for the sliders and the preview, within the screen (laptops have 768 pixels).
  const QRect screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableGeometry()
                                                        : QRect(0, 0, 1400, 900);
  resize(std::min(1400, screen.width() * 95 / 100), std::min(900, screen.height() * 95 / 100));
  setAcceptDrops(true);
  editor_ = new app::Editor(static_cast<int>(edit::celeba_attributes().size()), this);
  doc_ = editor_->document();
  connect(editor_, &app::Editor::message, this, [this](const QString& m) { statusBar()->showMessage(m); });
  connect(editor_, &app::Editor::problem, this, [this](const QString& m) { showProblem(m); });
  connect(doc_, &app::EditDocument::resultReady, this, &MainWindow::showResult);
  connect(doc_, &app::EditDocument::alphasChanged, this, [this](const std::vector<float>& alphas) {
    if (alphas.size() == static_cast<size_t>(sliders_->attributeCount()) && alphas != sliders_->alphas())
      sliders_->setAlphas(alphas);  // quietly: the document already has them
  });
  connect(doc_, &app::EditDocument::faceChanged, this, [this] {
    messageBar_->dismiss();  // a new face: what went wrong before no longer applies
    charts_->clear();
    updateEditingEnabled();
    updateTitle();
    Q_EMIT faceChanged();
  });
  connect(doc_->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
  connect(doc_, &app::EditDocument::exportFinished, this, &MainWindow::exportFinished);
  editor_->files()->setUnsavedPrompt([this] {
    if (unsavedPrompt_) return unsavedPrompt_();
    QMessageBox box(QMessageBox::Warning, tr("Unsaved edits"), tr("The edits to this face are not saved."),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Save them in a session, discard them, or go back to editing?"));
    box.setDefaultButton(QMessageBox::Save);
    const int answer = box.exec();
    return answer == QMessageBox::Save ? UnsavedChoice::Save : answer == QMessageBox::Discard ? UnsavedChoice::Discard
                                                                                              : UnsavedChoice::Cancel;
  }, [this] {
    return fileMenu_->askSavePath(FileKind::Session, tr("Save session"), tr("Facet sessions (*.facet)"));
  });
  buildPanels();
  buildMenus();
  connectWorkflows();
  jobProgress_ = new JobProgress(
      editor_->jobs(), this, [this](const QString& text) { statusBar()->showMessage(text); },
      [this](const QString& text) { showProblem(text); });
  new MenuShortcutPriority(this);  // text boxes leave the window's shortcuts (undo, export, reset…) to the menus
  setAttributes(celebaSlots(nullptr));
  updateEditingEnabled();
  updateTitle();
  statusBar()->showMessage(tr("Open a photo to begin (File ▸ Open)."));
}

void MainWindow::buildMenus() {
  fileMenu_ = new FileMenu(menuBar()->addMenu(tr("&File")), editor_, this, [this](const QString& m) { showProblem(m); });
  const auto status = [this](const QString& m) { statusBar()->showMessage(m); };

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  edit->addActions({doc_->undoStack()->createUndoAction(this, tr("&Undo")),
                    doc_->undoStack()->createRedoAction(this, tr("&Redo"))});
  edit->actions()[0]->setShortcut(QKeySequence::Undo);
  edit->actions()[1]->setShortcut(QKeySequence::Redo);
  addEntries(edit, this, {{}, {tr("Reset &all attributes"), QKeySequence(Qt::CTRL | Qt::Key_R), "resetAllAction",
                               [this] { sliders_->resetAll(); }}});

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->setObjectName("viewMenu");
  QAction* split = view->addAction(tr("&Before/after split"));
  split->setObjectName("splitAction");
  split->setCheckable(true);
  split->setShortcut(QKeySequence(Qt::Key_Backslash));
  connect(split, &QAction::toggled, this, [this](bool on) { preview_->setSplitEnabled(on); });
  addEntries(view, this, {{tr("&Fit to window"), QKeySequence(Qt::CTRL | Qt::Key_0), nullptr, [this] { preview_->resetView(); }},
                          {tr("Zoom &in"), QKeySequence::ZoomIn, nullptr, [this] { preview_->setZoom(preview_->zoom() * 1.25); }},
                          {tr("Zoom &out"), QKeySequence::ZoomOut, nullptr, [this] { preview_->setZoom(preview_->zoom() / 1.25); }},
                          {}});
  addLanguageMenu(view, status);
  addPreviewSpeedMenu(view, editor_);
  view->addSeparator();
  showInPhotoAction_ = view->addAction(tr("Show in &photo"));
  showInPhotoAction_->setObjectName("showInPhotoAction");
  showInPhotoAction_->setCheckable(true);
  showInPhotoAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
  showInPhotoAction_->setToolTip(tr("Show the edited face pasted back into the photo"));
  connect(showInPhotoAction_, &QAction::toggled, this, [this](bool on) { setShowInPhoto(on); });
  // Every dock can be closed and brought back from here (Qt lists them).
  QMenu* panels = createPopupMenu();
  panels->setParent(view, panels->windowFlags());
  panels->setTitle(tr("&Panels"));
  panels->setObjectName("panelsMenu");
  view->addMenu(panels);

  QMenu* tools = menuBar()->addMenu(tr("&Tools"));
  tools->setObjectName("toolsMenu");
  tuneAction_ = addEntries(tools, this, {{tr("&Models…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), "modelsAction",
                                          [this] { showModelManager(); }},
                                         {},
                                         {tr("Photo &refinement…"), {}, "refinementAction",
                                          [this, status] { openRefinementSettings(this, editor_, status); }},
                                         {tr("&Tune the generator to this photo"), {}, "tuneAction",
                                          [this] { editor_->tuning()->tune(); }}}).last();
  tuneAction_->setToolTip(tr("Fine-tune the generator so that it reproduces this photo's face (pivotal tuning): "
                             "edits then keep the person better. Takes minutes on a CPU; Cancel keeps the best so far."));
  HelpMenu::add(menuBar(), this);
}

void MainWindow::buildPanels() {
  // The message bar sits above the preview, where the user looks.
  auto* centre = new QWidget(this);
  auto* centreLayout = new QVBoxLayout(centre);
  centreLayout->setContentsMargins(0, 0, 0, 0);
  centreLayout->setSpacing(0);
  messageBar_ = new MessageBar(centre);
  centreLayout->addWidget(messageBar_);
  preview_ = new PreviewWidget(centre);
  preview_->setObjectName("preview");
  preview_->clear(app::ModelLoader::welcomeText());
  centreLayout->addWidget(preview_, 1);
  setCentralWidget(centre);

  QDockWidget* attributes =
      addDockPanel(this, sliders_, tr("Attributes"), "attributesDock", "attributeSliders", Qt::RightDockWidgetArea);
  sliders_->setMinimumWidth(470);  // name, badge, slider, value, probability, reset
  connect(sliders_, &AttributeSliderPanel::alphasChanged, doc_, &app::EditDocument::setAlphas);
  connect(sliders_, &AttributeSliderPanel::editCommitted, doc_, &app::EditDocument::commitAlphas);
#ifdef FACET_WITH_VISION
  timeline_ = installTimeline(this, doc_, editor_->jobs());  // record / play / render timelines, edit videos
  timeline_->setRenderSource([this] { return app::timelineRenderSource(*doc_); });  // the document's models
#endif
  QDockWidget* numbers = addDockPanel(this, charts_, tr("Numbers"), "chartsDock", "charts", Qt::LeftDockWidgetArea);
  charts_->setMinimumWidth(240);
  scrollDockPanel(numbers, "chartsScroll");
  // Under the attribute sliders, tabs of occasional controls: text edits, edited layers, two faces.
  QDockWidget* text = installTextEdits(this, editor_, textPanel_);
  splitDockWidget(attributes, text, Qt::Vertical);
  tabifyDockWidget(text, installEditedLayers(this, editor_, layers_, [this](const QString& m) { statusBar()->showMessage(m); }));
  tabifyDockWidget(text, installTwoFaces(this, editor_, twoFaces_, messageBar_));
  text->raise();
  // First-run proportions (a saved layout replaces them): the sliders get most of the right column, the numbers a
  // width their labels fit in.
  resizeDocks({attributes, text}, {height() * 3 / 4, height() / 4}, Qt::Vertical);
  resizeDocks({numbers}, {300}, Qt::Horizontal);
  new DockWidthKeeper(this, numbers, 300);  // squeezed by a smaller window, it grows back with the window

  statusCorner_ = new StatusCorner(this);
  statusBar()->addPermanentWidget(statusCorner_);
}

void MainWindow::setAttributes(const QVector<AttributeSlot>& attributes) {
  sliders_->setAttributes(attributes);
  QStringList names;
  for (const AttributeSlot& slot : attributes) names << slot.displayName;
  charts_->setAttributeNames(names);
#ifdef FACET_WITH_VISION
  if (timeline_) timeline_->setAttributes(attributes);
#endif
  doc_->resetAlphas(sliders_->alphas());
}

void MainWindow::setRenderBackend(std::unique_ptr<app::RenderBackend> backend) {
  doc_->renderer()->setBackend(std::move(backend));
  doc_->renderFull();
}

void MainWindow::showResult(const app::RenderResult& result) {
  if (!result.ok()) {
    showProblem(result.error);
    return;
  }
  // The old image stays until the new one arrives; a preview is drawn into the full image's rectangle.
  const auto photo = doc_->photoFace();
  if (doc_->showInPhoto() && photo && !result.inPhoto.isNull()) {
    if (photo->photo.cacheKey() != preview_->before().cacheKey()) preview_->setBefore(photo->photo);
    preview_->setImage(result.inPhoto);
  } else if (!doc_->showInPhoto() || !photo) {
    if (!result.before.isNull() && result.before.cacheKey() != preview_->before().cacheKey())
      preview_->setBefore(result.before);
    preview_->setImage(result.image);
  }
  sliders_->setProbabilities(result.probabilities);
  charts_->showResult(result);
  statusCorner_->showTiming(result);
  Q_EMIT previewUpdated();
}

void MainWindow::showModelManager() {
  ModelManagerDialog dialog(editor_->jobs(), this);
  connect(&dialog, &ModelManagerDialog::modelsChanged, this,
          [this] { editor_->models()->load(models::find_model_files()); });
  dialog.exec();
}

void MainWindow::updateTitle() {
  // "portrait.jpg — Facet", with "*" while it has unsaved edits (Qt's [*] convention).
  const QString opened = doc_->openedPath().isEmpty() ? doc_->facePhotoPath() : doc_->openedPath();
  setWindowTitle(opened.isEmpty() ? tr("Facet") : QFileInfo(opened).fileName() + "[*] — " + tr("Facet"));
  setWindowModified(doc_->isModified());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!editor_->files()->settleUnsavedChanges()) {
    event->ignore();  // back to editing; the autosave stays
    return;
  }
  editor_->jobs()->cancelAll();
  doc_->autosaver()->discard();  // saved or discarded: nothing to restore next time
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  QMainWindow::closeEvent(event);
}

void MainWindow::restoreLayout() {
  QSettings settings;
  restoreGeometry(settings.value("window/geometry").toByteArray());
  restoreState(settings.value("window/state").toByteArray());
}

void MainWindow::updateEditingEnabled() {
  QString why;
  if (!doc_->hasFace())
    why = doc_->models() ? tr("Open a photo, a W+ code or a random face (File menu) to start editing.")
                         : tr("Install or locate a generator (Tools ▸ Models), then open a photo to start editing.");
  sliders_->setEditingEnabled(doc_->hasFace(), why);
  tuneAction_->setEnabled(editor_->tuning()->available());
}

MainWindow::~MainWindow() {
  // The editor is a child, deleted by QWidget's destructor once this window's own part is gone; its objects emit as
  // they go (the undo stack's cleanChanged), and nothing may reach this window's slots by then.
  disconnect(editor_, nullptr, this, nullptr);
  for (QObject* part : editor_->findChildren<QObject*>()) disconnect(part, nullptr, this, nullptr);
}

QString MainWindow::statusText() const { return statusBar()->currentMessage(); }
QString MainWindow::problemText() const { return messageBar_->text(); }

void MainWindow::showProblem(const QString& text, bool warning) {
  statusBar()->showMessage(text);
  messageBar_->showMessage(text, warning ? MessageBar::Kind::Warning : MessageBar::Kind::Error);
}

void MainWindow::setShowInPhoto(bool on) {
  if (showInPhotoAction_->isChecked() != on) showInPhotoAction_->setChecked(on);
  doc_->setShowInPhoto(on);  // the next renders come back pasted into the photo
  const app::RenderResult& last = doc_->lastResult();
  if (!on && last.ok()) {
    preview_->setBefore(last.before);
    preview_->setImage(last.image);
  }
}

}  // namespace facet::ui
