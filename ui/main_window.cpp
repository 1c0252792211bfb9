#include "ui/main_window.h"

#include <algorithm>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageReader>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>
#include <QUndoStack>

#include "app/editor/autosave.h"
#include "app/editor/edit_document.h"
#include "app/editor/photo_face.h"
#include "app/editor/render_controller.h"
#include "core/edit/attributes.h"
#include "facet_version.h"
#include "ui/attribute_catalogue.h"
#include "ui/charts_panel.h"
#include "ui/dock_panel.h"
#include "ui/language.h"
#include "ui/message_bar.h"
#include "ui/model_manager_dialog.h"
#include "ui/preview_widget.h"
#include "ui/text_slider_panel.h"
#ifdef FACET_WITH_VISION
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
  doc_ = new app::EditDocument(static_cast<int>(edit::celeba_attributes().size()), this);
  connect(doc_, &app::EditDocument::resultReady, this, &MainWindow::showResult);
  connect(doc_, &app::EditDocument::message, this, [this](const QString& m) { statusBar()->showMessage(m); });
  connect(doc_, &app::EditDocument::alphasChanged, this, &MainWindow::showDocumentAlphas);
  connect(doc_, &app::EditDocument::problem, this, [this](const QString& text) { showProblem(text); });
  connect(doc_, &app::EditDocument::faceChanged, this, [this] {
    messageBar_->dismiss();  // a new face: what went wrong before no longer applies
    charts_->clear();
    updateEditingEnabled();
    Q_EMIT faceChanged();
  });
  connect(doc_, &app::EditDocument::exportFinished, this, &MainWindow::exportFinished);
  doc_->setTextSessionSource([this] { return textSessionSliders(); });
  connect(doc_, &app::EditDocument::textSlidersLoaded, this, &MainWindow::restoreTextSliders);
  buildMenus();
  buildPanels();
  buildEditorExtras(findChild<QMenu*>("viewMenu"), findChild<QMenu*>("toolsMenu"));  // main_window_layers.cpp
  if (QMenu* view = findChild<QMenu*>("viewMenu")) {
    // Every dock can be closed and brought back from here.
    QMenu* panels = view->addMenu(tr("&Panels"));
    panels->setObjectName("panelsMenu");
    for (QDockWidget* dock : findChildren<QDockWidget*>()) panels->addAction(dock->toggleViewAction());
  }
  for (QLineEdit* box : findChildren<QLineEdit*>()) box->installEventFilter(this);
  // First-run proportions (a saved layout replaces them): the sliders get most of the right column, the numbers a
  // width their labels fit in.
  auto* attributesDock = findChild<QDockWidget*>("attributesDock");
  auto* textDock = findChild<QDockWidget*>("textEditsDock");
  if (attributesDock && textDock)
    resizeDocks({attributesDock, textDock}, {height() * 3 / 4, height() / 4}, Qt::Vertical);
  if (auto* chartsDock = findChild<QDockWidget*>("chartsDock")) resizeDocks({chartsDock}, {300}, Qt::Horizontal);
  setAttributes(celebaSlots(nullptr));
  updateEditingEnabled();
  statusBar()->showMessage(tr("Open a photo to begin (File ▸ Open)."));
}

void MainWindow::buildMenus() {
  buildFileMenu(menuBar()->addMenu(tr("&File")));

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = doc_->undoStack()->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  edit->addAction(undo);
  QAction* redo = doc_->undoStack()->createRedoAction(this, tr("&Redo"));
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
    action->setChecked(code == activeLanguage());  // the language in use, chosen or from the system
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
  // The message bar sits above the preview, where the user looks.
  auto* centre = new QWidget(this);
  auto* centreLayout = new QVBoxLayout(centre);
  centreLayout->setContentsMargins(0, 0, 0, 0);
  centreLayout->setSpacing(0);
  messageBar_ = new MessageBar(centre);
  centreLayout->addWidget(messageBar_);
  preview_ = new PreviewWidget(centre);
  preview_->setObjectName("preview");
  preview_->clear(welcomeText());
  centreLayout->addWidget(preview_, 1);
  setCentralWidget(centre);

  addDockPanel(this, sliders_, tr("Attributes"), "attributesDock", "attributeSliders", Qt::RightDockWidgetArea);
  sliders_->setMinimumWidth(470);  // name, badge, slider, value, probability, reset
  connect(sliders_, &AttributeSliderPanel::alphasChanged, doc_, &app::EditDocument::setAlphas);
  connect(sliders_, &AttributeSliderPanel::editCommitted, doc_, &app::EditDocument::commitAlphas);
#ifdef FACET_WITH_VISION
  installTimeline(this, doc_)  // record / play / render timelines, edit videos
      ->setRenderSource([this]() -> std::optional<TimelineRenderSource> {
        // The document's models and face (the dialog renders on its own thread).
        const auto models = doc_->models();
        if (!models || !doc_->hasFace()) return std::nullopt;
        TimelineRenderSource source{models->generator, models->editor, doc_->wplus()};
        for (int i = 0; textPanel_ && i < textPanel_->count(); ++i)
          source.textSliders.push_back({textPanel_->slider(i).id.toStdString(), textPanel_->slider(i).direction});
        if (const auto photo = doc_->photoFace()) source.photo = photo->videoPaste;
        if (const auto two = doc_->twoFaces().toEdit()) source.twoFaces = *two;
        return source;
      });
#endif

  QDockWidget* chartsDock = addDockPanel(this, charts_, tr("Numbers"), "chartsDock", "charts", Qt::LeftDockWidgetArea);
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
  doc_->resetAlphas(sliders_->alphas());
}

void MainWindow::setRenderBackend(std::unique_ptr<app::RenderBackend> backend) {
  doc_->renderer()->setBackend(std::move(backend));
  doc_->renderFull();
}

void MainWindow::showDocumentAlphas(const std::vector<float>& alphas) {
  if (alphas.size() == static_cast<size_t>(sliders_->attributeCount()) && alphas != sliders_->alphas())
    sliders_->setAlphas(alphas);  // quietly: the document already has them
}

void MainWindow::showImages(const app::RenderResult& result) {
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
}

void MainWindow::showResult(const app::RenderResult& result) {
  if (!result.ok()) {
    showProblem(result.error);
    return;
  }
  showImages(result);
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
  if (!settleUnsavedChanges()) {
    event->ignore();  // back to editing; the autosave stays
    return;
  }
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
  if (event->type() == QEvent::ShortcutOverride && qobject_cast<QLineEdit*>(watched)) {
    // A text box would take Ctrl+Z, Ctrl+E… for itself; the window's own shortcuts win instead.
    const QKeySequence pressed(static_cast<QKeyEvent*>(event)->keyCombination());
    for (const QAction* action : findChildren<QAction*>())
      if (action->isEnabled() && action->shortcuts().contains(pressed)) return true;
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

std::shared_ptr<const models::ModelSet> MainWindow::models() const { return doc_->models(); }
bool MainWindow::hasFace() const { return doc_->hasFace(); }
void MainWindow::setPreviewSize(int side) { doc_->setPreviewSize(side); }
app::Autosaver* MainWindow::autosaver() const { return doc_->autosaver(); }
app::RenderController* MainWindow::renderer() const { return doc_->renderer(); }
QUndoStack* MainWindow::undoStack() const { return doc_->undoStack(); }
const app::RenderResult& MainWindow::lastResult() const { return doc_->lastResult(); }
bool MainWindow::showInPhoto() const { return doc_->showInPhoto(); }
int MainWindow::photoComposites() const { return doc_->photoComposites(); }

QString MainWindow::statusText() const { return statusBar()->currentMessage(); }
QString MainWindow::problemText() const { return messageBar_->text(); }

QString MainWindow::welcomeText() const {
  const models::ModelFiles found = models::find_model_files();
  QStringList have, missing;
  (found.generator.empty() ? missing : have) << tr("the StyleGAN2 generator");
  (found.encoder.empty() ? missing : have) << tr("the pSp/e4e encoder");
  (found.transformers_dir.empty() ? missing : have) << tr("the attribute transformers");
  (found.face_api_dir.empty() ? missing : have) << tr("face analysis (face-api)");
  QString text = tr("Facet changes the age, smile, glasses, hair and 36 more attributes of faces in photos while "
                    "keeping the person recognisable.") +
                 "\n\n" + tr("Open a photo (Ctrl+O) or drop one here; File ▸ Open sample photo has one to try.");
  if (!have.isEmpty()) text += "\n\n" + tr("Installed: %1.").arg(have.join(", "));
  if (!missing.isEmpty())
    text += "\n" + tr("Missing: %1. Tools ▸ Models says where to get them and fetches what can be fetched.")
                       .arg(missing.join(", "));
  return text;
}

void MainWindow::showProblem(const QString& text, bool warning) {
  statusBar()->showMessage(text);
  messageBar_->showMessage(text, warning ? MessageBar::Kind::Warning : MessageBar::Kind::Error);
}
QString MainWindow::deviceText() const { return deviceLabel_->text(); }
QString MainWindow::modelsText() const { return modelsLabel_->text(); }
QString MainWindow::timingText() const { return timingLabel_->text(); }

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Facet"),
                     tr("Facet %1\nEdit the attributes of faces in photos and videos with StyleGAN2 and the "
                        "Latent Transformer.").arg(FACET_VERSION));
}

}  // namespace facet::ui
