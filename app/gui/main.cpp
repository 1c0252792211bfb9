// facet: the Qt 6 editor. It composes the window (ui/) over the editor's workflows (app/editor).
#include <cstring>
#include <memory>

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTimer>

#include "core/models/model_registry.h"
#include "core/models/runtime.h"
#include "core/nn/network_guard.h"
#include "facet_version.h"
#include "ui/language.h"
#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "app/editor/model_inventory.h"
#include "app/editor/model_loader.h"
#include "app/editor/open_workflow.h"
#include "ui/main_window.h"

namespace {
void describeApplication() {
  QCoreApplication::setApplicationName("facet");
  QCoreApplication::setOrganizationName("Facet");
  QCoreApplication::setApplicationVersion(FACET_VERSION);
}

// --help and --version answer without a display (a QCoreApplication prints them and exits).
bool asksOnlyForText(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    for (const char* flag : {"-h", "--help", "--help-all", "-v", "--version", "-?"})
      if (std::strcmp(argv[i], flag) == 0) return true;
  return false;
}
}  // namespace

int main(int argc, char** argv) {
  facet::models::configure_runtime();  // threads and allocator, before any network runs
  std::unique_ptr<QCoreApplication> textOnly;
  if (asksOnlyForText(argc, argv)) textOnly = std::make_unique<QCoreApplication>(argc, argv);
  std::unique_ptr<QApplication> gui;
  if (!textOnly) gui = std::make_unique<QApplication>(argc, argv);
  describeApplication();
  // Networks run on the editor's worker and job threads only (checked where the guard is armed).
  facet::nn::forbid_networks_on_this_thread();

  QCommandLineParser parser;
  parser.setApplicationDescription("Facet — edit the attributes of faces in photos and videos.");
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument("file", "A photo, W+ code (.npy) or session (.facet) to open", "[file]");
  QCommandLineOption quitAfter("quit-after-ms", "Quit after the given milliseconds (smoke tests)", "ms");
  parser.addOption(quitAfter);
  QCommandLineOption screenshot("screenshot",
                                "Save the window as PNG once the first full-size render (or the model error) shows, then quit",
                                "png");
  parser.addOption(screenshot);
  QCommandLineOption sample("random-face", "Start with a random face from the generator (seed)", "seed");
  parser.addOption(sample);
  QCommandLineOption lang("lang", "Interface language for this run, not saved: en, ko or zh_CN", "code");
  parser.addOption(lang);
  parser.process(*QCoreApplication::instance());  // --help, --version: prints and exits

  // --lang, else the saved choice (View ▸ Language), else the system locale when we ship it, else English.
  QString language = parser.isSet(lang) ? parser.value(lang) : facet::ui::savedLanguage();
  if (language.isEmpty()) {
    const QString system = QLocale().name();  // "ko_KR", "zh_CN", ...
    language = facet::ui::availableLanguages().contains(system) ? system : system.section('_', 0, 0);
  }
  if (!facet::ui::installLanguage(language) && parser.isSet(lang))
    qWarning("facet: no '%s' translation; available: %s", qPrintable(language),
             qPrintable(facet::ui::availableLanguages().join(", ")));

  facet::app::ModelInventory::applyModelsFolderSetting();
  facet::ui::MainWindow window;
  window.restoreLayout();
  window.show();
  // Models load on a pool thread; the window opens photos meanwhile. A crash's autosave is offered once they are in.
  const QString file = parser.positionalArguments().value(0);
  const bool needsModels = file.endsWith(".npy") || file.endsWith(".facet");
  QObject::connect(&window, &facet::ui::MainWindow::modelsLoaded, &window, [&](bool ok) {
    if (ok && needsModels) window.editor()->files()->openAny(file);
    if (ok && parser.isSet(sample)) window.editor()->files()->randomFace(parser.value(sample).toULongLong());
    if (ok && !needsModels) window.offerAutosaveRestore();
  }, Qt::SingleShotConnection);
  if (parser.isSet(screenshot)) {
    const QString shot = parser.value(screenshot);
    const auto grabAndQuit = [&window, shot] {
      QTimer::singleShot(300, &window, [&window, shot] {  // let the docks and charts lay out
        window.grab().save(shot);
        QApplication::quit();
      });
    };
    QObject::connect(&window, &facet::ui::MainWindow::previewUpdated, &window, [&window, grabAndQuit] {
      if (window.document()->lastResult().quality == facet::app::RenderQuality::Full) grabAndQuit();
    });
    QObject::connect(&window, &facet::ui::MainWindow::modelsLoaded, &window, [grabAndQuit, &parser, &sample, &file](bool ok) {
      if (!ok || (!parser.isSet(sample) && !file.endsWith(".npy") && !file.endsWith(".facet"))) grabAndQuit();
    });
  }
  window.editor()->models()->load(facet::models::find_model_files());
  if (!file.isEmpty() && !needsModels) window.editor()->files()->openPhoto(file);
  if (parser.isSet(quitAfter)) QTimer::singleShot(parser.value(quitAfter).toInt(), qApp, &QCoreApplication::quit);
  return QApplication::exec();
}
