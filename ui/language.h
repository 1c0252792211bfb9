#pragma once
// Interface language: English source strings, Korean and Simplified Chinese shipped as .qm resources
// (:/i18n/facet_<code>.qm, built from translations/*.ts). The choice is kept in QSettings ("language").
#include <functional>

#include <QString>
#include <QStringList>

class QMenu;

namespace facet::ui {

QStringList availableLanguages();  // "en", "ko", "zh_CN"
QString languageName(const QString& code);  // in its own language: "English", "한국어", "简体中文"
// Installs the translator for `code` on the application (replacing a previous one), with Qt's own translation
// for that language when Qt's translations are installed. "en" or "" removes them.
// Returns false when no translation exists for `code`.
bool installLanguage(const QString& code);
QString activeLanguage();  // the language installLanguage() put in place ("en" when none)
QString savedLanguage();   // from QSettings; "" when never chosen (follow the system locale)
void saveLanguage(const QString& code);
// View ▸ Language: one checkable entry per language, the active one checked; choosing one saves it and says through
// `status` when it takes effect.
void addLanguageMenu(QMenu* view, std::function<void(const QString&)> status);

}  // namespace facet::ui
