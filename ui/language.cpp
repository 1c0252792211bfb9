#include "ui/language.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace facet::ui {

namespace {
QPointer<QTranslator>& current() {
  static QPointer<QTranslator> translator;
  return translator;
}
}  // namespace

QStringList availableLanguages() { return {"en", "ko", "zh_CN"}; }

QString languageName(const QString& code) {
  if (code == "ko") return QStringLiteral("한국어");
  if (code == "zh_CN") return QStringLiteral("简体中文");
  return QStringLiteral("English");
}

bool installLanguage(const QString& code) {
  if (current()) {
    QCoreApplication::removeTranslator(current());
    delete current();
  }
  if (code.isEmpty() || code == "en") return true;
  auto* translator = new QTranslator(QCoreApplication::instance());
  if (!translator->load(QStringLiteral(":/i18n/facet_%1.qm").arg(code))) {
    delete translator;
    return false;
  }
  QCoreApplication::installTranslator(translator);
  current() = translator;
  return true;
}

QString savedLanguage() { return QSettings().value("language").toString(); }

void saveLanguage(const QString& code) { QSettings().setValue("language", code); }

}  // namespace facet::ui
