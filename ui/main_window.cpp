#include "ui/main_window.h"

#include <algorithm>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
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
#include "app/editor/text_slider_set.h"
#include "app/editor/user_guide.h"
#include "core/edit/attributes.h"
#include "facet_version.h"
#include "ui/attribute_catalogue.h"
#include "ui/charts_panel.h"
#include "ui/dock_panel.h"
#include "ui/file_menu.h"
#include "ui/job_progress.h"
#include "ui/language.h"
#include "ui/menu_entries.h"
#include "ui/message_bar.h"
#include "ui/model_manager_dialog.h"
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
  connect(doc_, &app::EditDocument::resultReady, this, &MainWindow::showResult);
  connect(doc_, &app::EditDocument::message, this, [this](const QString& m) { statusBar()->showMessage(m); });
  connect(doc_, &app::EditDocument::alphasChanged, this, [this](const std::vector<float>& alphas) {
    if (alphas.size() == static_cast<size_t>(sliders_->attributeCount()) && alphas != sliders_->alphas())
      sliders_->setAlphas(alphas);  // quietly: the document already has them
  });
  connect(doc_, &app::EditDocument::problem, this, [this](const QString& text) { showProblem(text); });
  connect(doc_, &app::EditDocument::faceChanged, this, [this] {
    messageBar_->dismiss();  // a new face: what went wrong before no longer applies
    charts_->clear();
    updateEditingEnabled();
    updateTitle();
    Q_EMIT faceChanged();
  });
  connect(doc_->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
  connect(doc_, &app::EditDocument::exportFinished, this, &MainWindow::exportFinished);
  app::OpenWorkflow* files = editor_->files();
  files->setUnsavedPrompt([this] {
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
  connect(files, &app::OpenWorkflow::message, this, [this](const QString& m) { statusBar()->showMessage(m); });
  connect(files, &app::OpenWorkflow::problem, this, [this](const QString& m) { showProblem(m); });
  buildMenus();
  buildPanels();
  buildEditorExtras(viewMenu_, toolsMenu_);  // main_window_layers.cpp
  connectWorkflows();
  jobProgress_ = new JobProgress(
      editor_->jobs(), this, [this](const QString& text) { statusBar()->showMessage(text); },
      [this](const QString& text) { showProblem(text); });
  // Every dock can be closed and brought back from here (Qt lists them).
  QMenu* panels = createPopupMenu();
  panels->setParent(viewMenu_, panels->windowFlags());
  panels->setTitle(tr("&Panels"));
  panels->setObjectName("panelsMenu");
  viewMenu_->addMenu(panels);
  // Text boxes, those of dialogs and docks made later included, leave the window's shortcuts to the window.
  qApp->installEventFilter(this);
  // First-run proportions (a saved layout replaces them): the sliders get most of the right column, the numbers a
  // width their labels fit in.
  resizeDocks({attributesDock_, textDock_}, {height() * 3 / 4, height() / 4}, Qt::Vertical);
  resizeDocks({chartsDock_}, {300}, Qt::Horizontal);
  setAttributes(celebaSlots(nullptr));
  updateEditingEnabled();
  updateTitle();
  statusBar()->showMessage(tr("Open a photo to begin (File ▸ Open)."));
}

void MainWindow::buildMenus() {
  fileMenu_ = new FileMenu(menuBar()->addMenu(tr("&File")), editor_, this, [this](const QString& m) { showProblem(m); });

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  edit->addActions({doc_->undoStack()->createUndoAction(this, tr("&Undo")),
                    doc_->undoStack()->createRedoAction(this, tr("&Redo"))});
  edit->actions()[0]->setShortcut(QKeySequence::Undo);
  edit->actions()[1]->setShortcut(QKeySequence::Redo);
  addEntries(edit, this, {{}, {tr("Reset &all attributes"), QKeySequence(Qt::CTRL | Qt::Key_R), "resetAllAction",
                               [this] { sliders_->resetAll(); }}});

  QMenu* view = viewMenu_ = menuBar()->addMenu(tr("&View"));
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
  QMenu* language = view->addMenu(tr("&Language"));
  auto* languages = new QActionGroup(this);
  for (const QString& code : availableLanguages()) {
    QAction* action = language->addAction(languageName(code));
    action->setObjectName("language_" + code);
    action->setCheckable(true);
    action->setChecked(code == activeLanguage());  // the language in use, chosen or from the system
    languages->addAction(action);
    connect(action, &QAction::triggered, this, [this, code] {
      saveLanguage(code);
      statusBar()->showMessage(tr("The language changes when Facet restarts."));
    });
  }
  QMenu* tools = toolsMenu_ = menuBar()->addMenu(tr("&Tools"));
  tools->setObjectName("toolsMenu");
  addEntries(tools, this, {{tr("&Models…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), "modelsAction",
                            [this] { showModelManager(); }}});
  addEntries(menuBar()->addMenu(tr("&Help")), this,
             {{tr("&User guide"), QKeySequence::HelpContents, "userGuideAction", [this] {
                 auto* guide = new QMessageBox(QMessageBox::NoIcon, tr("Facet user guide"), app::userGuideHtml(),
                                               QMessageBox::Close, this);
                 guide->setObjectName("userGuide");
                 guide->setTextFormat(Qt::RichText);
                 guide->setAttribute(Qt::WA_DeleteOnClose);
                 guide->open();
               }},
              {tr("&About Facet"), {}, nullptr, [this] {
                 QMessageBox::about(this, tr("About Facet"),
                                    tr("Facet %1\nEdit the attributes of faces in photos and videos with StyleGAN2 "
                                       "and the Latent Transformer.").arg(FACET_VERSION));
               }}});
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

  attributesDock_ =
      addDockPanel(this, sliders_, tr("Attributes"), "attributesDock", "attributeSliders", Qt::RightDockWidgetArea);
  sliders_->setMinimumWidth(470);  // name, badge, slider, value, probability, reset
  connect(sliders_, &AttributeSliderPanel::alphasChanged, doc_, &app::EditDocument::setAlphas);
  connect(sliders_, &AttributeSliderPanel::editCommitted, doc_, &app::EditDocument::commitAlphas);
#ifdef FACET_WITH_VISION
  timeline_ = installTimeline(this, doc_, editor_->jobs());  // record / play / render timelines, edit videos
  timeline_->setRenderSource([this] { return app::timelineRenderSource(*doc_); });  // the document's models
#endif

  QDockWidget* chartsDock = chartsDock_ =
      addDockPanel(this, charts_, tr("Numbers"), "chartsDock", "charts", Qt::LeftDockWidgetArea);
  charts_->setMinimumWidth(240);
  // The charts keep their readable heights and scroll, so the dock never makes the window taller than the screen.
  auto* chartsScroll = new QScrollArea(chartsDock);
  chartsScroll->setObjectName("chartsScroll");
  chartsScroll->setWidgetResizable(true);
  chartsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  chartsScroll->setFrameShape(QFrame::NoFrame);
  chartsScroll->setWidget(charts_);
  chartsDock->setWidget(chartsScroll);
  buildTextPanel();  // "Text edits" under the attribute sliders

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

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  auto* box = qobject_cast<QLineEdit*>(watched);
  if (event->type() == QEvent::ShortcutOverride && box && box->window() == this) {
    // A text box would take Ctrl+Z, Ctrl+E… for itself; the window's own shortcuts (its menus') win instead.
    const QKeySequence pressed(static_cast<QKeyEvent*>(event)->keyCombination());
    std::vector<const QMenu*> menus;
    for (const QAction* top : menuBar()->actions())
      if (top->menu()) menus.push_back(top->menu());
    while (!menus.empty()) {
      const QMenu* menu = menus.back();
      menus.pop_back();
      for (const QAction* action : menu->actions()) {
        if (action->menu()) menus.push_back(action->menu());
        if (action->isEnabled() && action->shortcuts().contains(pressed)) return true;
      }
    }
  }
  return QMainWindow::eventFilter(watched, event);
}

void MainWindow::updateEditingEnabled() {
  QString why;
  if (!doc_->hasFace())
    why = doc_->models() ? tr("Open a photo, a W+ code or a random face (File menu) to start editing.")
                         : tr("Install or locate a generator (Tools ▸ Models), then open a photo to start editing.");
  sliders_->setEditingEnabled(doc_->hasFace(), why);
}

MainWindow::~MainWindow() = default;

QString MainWindow::statusText() const { return statusBar()->currentMessage(); }
QString MainWindow::problemText() const { return messageBar_->text(); }

void MainWindow::showProblem(const QString& text, bool warning) {
  statusBar()->showMessage(text);
  messageBar_->showMessage(text, warning ? MessageBar::Kind::Warning : MessageBar::Kind::Error);
}

}  // namespace facet::ui
