// facet: the Qt 6 editor.
#include <QApplication>
#include <QCommandLineParser>

#include "core/models/runtime.h"
#include "facet_version.h"
#include "ui/language.h"
#include "ui/main_window.h"
#include <QLocale>

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
  parser.addPositionalArgument("photo", "A photo to open", "[photo]");
  QCommandLineOption quitAfter("quit-after-ms", "Quit after the given milliseconds (smoke tests)", "ms");
  parser.addOption(quitAfter);
  parser.process(app);

  // The saved choice (View ▸ Language), else the system locale when we ship it, else English.
  QString language = facet::ui::savedLanguage();
  if (language.isEmpty()) {
    const QString system = QLocale().name();  // "ko_KR", "zh_CN", ...
    language = facet::ui::availableLanguages().contains(system) ? system : system.section('_', 0, 0);
  }
  facet::ui::installLanguage(language);

  facet::ui::MainWindow window;
  window.show();
  if (!parser.positionalArguments().isEmpty()) window.openPhoto(parser.positionalArguments().first());
  if (parser.isSet(quitAfter)) window.quitAfter(parser.value(quitAfter).toInt());
  return QApplication::exec();
}
