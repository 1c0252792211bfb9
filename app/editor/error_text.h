#pragma once
// The core's errors (facet::Error) in the interface language. The core writes them in English and knows no Qt; the
// ones a user meets in the editor — photos that cannot be read, no face, missing or mismatched models, files that
// cannot be read or written, sessions from elsewhere — are recognised by their English form and translated with
// their details (file names, sizes, reasons) kept. Any other error is shown as the core wrote it.
#include <exception>
#include <string>

#include <QString>

namespace facet::app {

QString errorText(const std::string& coreMessage);
QString errorText(const std::exception& error);

}  // namespace facet::app
