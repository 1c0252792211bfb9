// facet: the Qt 6 editor.
#include <QApplication>
#include <QCommandLineParser>

#include "core/models/runtime.h"
#include "facet_version.h"
#include "ui/language.h"
#include "ui/main_window.h"
#include "ui/model_manager_dialog.h"
#include "core/models/model_registry.h"
#include <QLocale>
#include <QTimer>

int main(int argc, char** argv) {
  facet::models::configure_runtime();  // threads and allocator, before any network runs
  QApplication app(argc, argv);
  QApplication::setApplicationName("facet");
  QApplication::setOrganizationName("Facet");
  QApplication::setApplicationVersion(FACET_VERSION);

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
  parser.process(app);

  // --lang, else the saved choice (View ▸ Language), else the system locale when we ship it, else English.
  QString language = parser.isSet(lang) ? parser.value(lang) : facet::ui::savedLanguage();
  if (language.isEmpty()) {
    const QString system = QLocale().name();  // "ko_KR", "zh_CN", ...
    language = facet::ui::availableLanguages().contains(system) ? system : system.section('_', 0, 0);
  }
  if (!facet::ui::installLanguage(language) && parser.isSet(lang))
    qWarning("facet: no '%s' translation; available: %s", qPrintable(language),
             qPrintable(facet::ui::availableLanguages().join(", ")));

  facet::ui::applyModelsFolderSetting();
  facet::ui::MainWindow window;
  window.restoreLayout();
  window.show();
  // Models load on a pool thread; the window opens photos meanwhile. A crash's autosave is offered once they are in.
  const QString file = parser.positionalArguments().value(0);
  const bool needsModels = file.endsWith(".npy") || file.endsWith(".facet");
  QObject::connect(&window, &facet::ui::MainWindow::modelsLoaded, &window, [&](bool ok) {
    if (ok && needsModels) window.openAny(file);
    if (ok && parser.isSet(sample)) window.sampleRandomFace(parser.value(sample).toULongLong());
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
      if (window.lastResult().quality == facet::app::RenderQuality::Full) grabAndQuit();
    });
    QObject::connect(&window, &facet::ui::MainWindow::modelsLoaded, &window, [grabAndQuit, &parser, &sample, &file](bool ok) {
      if (!ok || (!parser.isSet(sample) && !file.endsWith(".npy") && !file.endsWith(".facet"))) grabAndQuit();
    });
  }
  window.loadModels(facet::models::find_model_files());
  if (!file.isEmpty() && !needsModels) window.openPhoto(file);
  if (parser.isSet(quitAfter)) window.quitAfter(parser.value(quitAfter).toInt());
  return QApplication::exec();
}
