#include "ui/language.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QMenu>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace facet::ui {

namespace {
QPointer<QTranslator>& current() {
  static QPointer<QTranslator> translator;
  return translator;
}

QString& activeCode() {
  static QString code = QStringLiteral("en");
  return code;
}

// Qt's own strings (standard dialogs and buttons), from Qt's translations folder (Debian: qt6-translations-l10n).
QPointer<QTranslator>& currentQt() {
  static QPointer<QTranslator> translator;
  return translator;
}

void removeTranslator(QPointer<QTranslator>& translator) {
  if (!translator) return;
  QCoreApplication::removeTranslator(translator);
  delete translator;
}
}  // namespace

QStringList availableLanguages() { return {"en", "ko", "zh_CN"}; }

QString languageName(const QString& code) {
  if (code == "ko") return QStringLiteral("한국어");
  if (code == "zh_CN") return QStringLiteral("简体中文");
  return QStringLiteral("English");
}

bool installLanguage(const QString& code) {
  removeTranslator(current());
  removeTranslator(currentQt());
  activeCode() = QStringLiteral("en");
  if (code.isEmpty() || code == "en") return true;
  auto* translator = new QTranslator(QCoreApplication::instance());
  if (!translator->load(QStringLiteral(":/i18n/facet_%1.qm").arg(code))) {
    delete translator;
    return false;
  }
  QCoreApplication::installTranslator(translator);
  current() = translator;
  activeCode() = code;
  // Without Qt's catalogue the standard dialogs stay English; Facet's own strings are what this call promises.
  auto* qt = new QTranslator(QCoreApplication::instance());
  if (qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QCoreApplication::installTranslator(qt);
    currentQt() = qt;
  } else {
    delete qt;
  }
  return true;
}

QString activeLanguage() { return activeCode(); }

QString savedLanguage() { return QSettings().value("language").toString(); }

void saveLanguage(const QString& code) { QSettings().setValue("language", code); }

void addLanguageMenu(QMenu* view, std::function<void(const QString&)> status) {
  QMenu* menu = view->addMenu(QCoreApplication::translate("LanguageMenu", "&Language"));
  auto* group = new QActionGroup(menu);
  for (const QString& code : availableLanguages()) {
    QAction* action = menu->addAction(languageName(code));
    action->setObjectName("language_" + code);
    action->setCheckable(true);
    action->setChecked(code == activeLanguage());  // the language in use, chosen or from the system
    group->addAction(action);
    QObject::connect(action, &QAction::triggered, menu, [code, status] {
      saveLanguage(code);
      status(QCoreApplication::translate("LanguageMenu", "The language changes when Facet restarts."));
    });
  }
}

}  // namespace facet::ui
