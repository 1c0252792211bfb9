#include "app/editor/error_text.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace facet::app {

namespace {

struct KnownError {
  const char* pattern;  // the core's English text; its captures are the details %1, %2… of `text`
  const char* text;     // the same message to translate (context "CoreError")
};

// Kept in step with the core's messages by tests/app/editor/test_error_text.cpp, which raises each one for real.
const KnownError kKnownErrors[] = {
    {R"(^(.+): no face found \(Facet looks for upright, roughly frontal faces at least about 40 px wide\)$)",
     QT_TRANSLATE_NOOP("CoreError",
                       "%1: no face found (Facet looks for upright, roughly frontal faces at least about 40 px wide)")},
    {R"(^(.+): face (\d+) asked, but (\d+) face\(s\) were found \(0 is the largest\)$)",
     QT_TRANSLATE_NOOP("CoreError", "%1: face %2 asked, but %3 face(s) were found (0 is the largest)")},
    {R"(^(.+): not a readable image \(corrupt, truncated or an unsupported format; use JPEG, PNG, BMP, WebP or TIFF\)$)",
     QT_TRANSLATE_NOOP("CoreError",
                       "%1: not a readable image (corrupt, truncated or an unsupported format; use JPEG, PNG, BMP, "
                       "WebP or TIFF)")},
    {R"(^(.+): the file is empty; choose a photo \(JPEG, PNG, BMP, WebP or TIFF\)$)",
     QT_TRANSLATE_NOOP("CoreError", "%1: the file is empty; choose a photo (JPEG, PNG, BMP, WebP or TIFF)")},
    {R"(^(.+): the header says the image is (-?\d+)×(-?\d+) pixels; the file is damaged$)",
     QT_TRANSLATE_NOOP("CoreError", "%1: the header says the image is %2×%3 pixels; the file is damaged")},
    {R"(^(.+): the photo is (\d+)×(\d+) \((\d+) megapixels\); Facet reads photos up to (\d+) megapixels\. .*$)",
     QT_TRANSLATE_NOOP("CoreError",
                       "%1: the photo is %2×%3 (%4 megapixels); Facet reads photos up to %5 megapixels. Scale it "
                       "down first.")},
    {R"(^(.+): the file is (\d+) MB; Facet reads photo files up to (\d+) MB$)",
     QT_TRANSLATE_NOOP("CoreError", "%1: the file is %2 MB; Facet reads photo files up to %3 MB")},
    {R"(^the face is aligned, but no encoder is installed to turn it into a W\+ code: .*$)",
     QT_TRANSLATE_NOOP("CoreError",
                       "the face is aligned, but no encoder is installed to turn it into a W+ code: get "
                       "e4e_ffhq_encode.pt or psp_ffhq_encode.pt (models/fetch), or refine from the average face")},
    {R"(^no generator loaded$)", QT_TRANSLATE_NOOP("CoreError", "no generator loaded")},
    {R"(^no StyleGAN2 generator found .*$)",
     QT_TRANSLATE_NOOP("CoreError",
                       "no StyleGAN2 generator found (stylegan2-ffhq-config-f.pt or psp_ffhq_encode.pt); open Tools ▸ "
                       "Models to see where Facet looks, or run models/fetch")},
    {R"(^cannot read (.+): (.+)$)", QT_TRANSLATE_NOOP("CoreError", "cannot read %1: %2")},
    {R"(^cannot write (.+): (.+) \(nothing was changed\)$)",
     QT_TRANSLATE_NOOP("CoreError", "cannot write %1: %2 (nothing was changed)")},
    {R"(^cannot write (.+): (.+)$)", QT_TRANSLATE_NOOP("CoreError", "cannot write %1: %2")},
    {R"(^(.+): is a folder, not a file$)", QT_TRANSLATE_NOOP("CoreError", "%1: is a folder, not a file")},
    {R"(^(.+): not a NumPy \.npy file$)", QT_TRANSLATE_NOOP("CoreError", "%1: not a NumPy .npy file")},
    {R"(^(.+): not a Facet session file$)", QT_TRANSLATE_NOOP("CoreError", "%1: not a Facet session file")},
    {R"(^(.+): written by a newer Facet \(session format (\d+)\); update Facet to open it$)",
     QT_TRANSLATE_NOOP("CoreError", "%1: written by a newer Facet (session format %2); update Facet to open it")},
};

// %1…%9 replaced in one pass, so a detail that itself contains "%2" stays as it is.
QString fill(const QString& format, const QStringList& details) {
  QString out;
  for (qsizetype i = 0; i < format.size(); ++i) {
    const int n = i + 1 < format.size() ? format[i + 1].digitValue() : -1;
    if (format[i] == '%' && n >= 1 && n <= details.size()) {
      out += details[n - 1];
      ++i;
    } else {
      out += format[i];
    }
  }
  return out;
}

}  // namespace

QString errorText(const std::string& coreMessage) {
  const QString message = QString::fromStdString(coreMessage);
  for (const KnownError& known : kKnownErrors) {
    const QRegularExpressionMatch match = QRegularExpression(QString::fromUtf8(known.pattern)).match(message);
    if (!match.hasMatch()) continue;
    const QString translated = QCoreApplication::translate("CoreError", known.text);
    // Untranslated (English): the core's own words, with the details the short form leaves out.
    if (translated == QString::fromUtf8(known.text)) return message;
    return fill(translated, match.capturedTexts().mid(1));
  }
  return message;
}

QString errorText(const std::exception& error) { return errorText(std::string(error.what())); }

}  // namespace facet::app
