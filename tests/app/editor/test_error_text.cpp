// The core's errors in the interface language: each message the editor translates is raised for real by the core
// and must be recognised (a change to the core's wording would otherwise leave it in English); untranslated, the
// core's own words come back unchanged; details with "%" in them stay as they are.
#include <filesystem>
#include <functional>

#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "app/editor/error_text.h"
#include "core/io/atomic_file.h"
#include "core/io/npy.h"
#include "core/session/session.h"
#ifdef FACET_WITH_VISION
#include "core/face/photo.h"
#include "core/pipeline/photo_pipeline.h"
#endif

namespace {

// Marks every message of the catalogue as translated, keeping its details.
class MarkingTranslator : public QTranslator {
 public:
  QString translate(const char* context, const char* source, const char* = nullptr, int = -1) const override {
    return QByteArray(context) == "CoreError" ? QStringLiteral("[translated] ") + QString::fromUtf8(source) : QString();
  }
  bool isEmpty() const override { return false; }
};

std::string raised(const std::function<void()>& call) {
  try {
    call();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(nothing was thrown)";
}

}  // namespace

class ErrorTextTest : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

  // The core's messages the editor shows, raised by the core itself.
  std::vector<std::string> coreMessages() const {
    facet::io::write_file_atomic(path("text.npy"), "plain text");
    facet::io::write_file_atomic(path("other.facet"), R"({"format": "something else"})");
    facet::io::write_file_atomic(path("newer.facet"), R"({"format": "facet-session", "version": 99})");
    std::vector<std::string> out = {
        raised([&] { facet::io::read_npy(path("text.npy")); }),
        raised([&] { facet::io::read_file(path("missing 100%2.png")); }),
        raised([&] { facet::io::read_file(dir_.path().toStdString()); }),
        raised([&] { facet::io::write_file_atomic(path("no-folder/out.png"), "x"); }),
        raised([&] { facet::session::read_session(path("other.facet")); }),
        raised([&] { facet::session::read_session(path("newer.facet")); }),
    };
#ifdef FACET_WITH_VISION
    out.push_back(raised([] { facet::face::decode_photo("", "empty.jpg"); }));
    out.push_back(raised([] { facet::face::decode_photo(std::string(4096, 'x'), "garbage.jpg"); }));
    out.push_back(raised([] { facet::pipeline::choose_face({}, 0, "crowd.jpg"); }));
    out.push_back(raised([] { facet::pipeline::choose_face({facet::face::Face{}}, 3, "pair.jpg"); }));
    out.push_back(raised([] { facet::pipeline::embed_aligned(cv::Mat(), facet::pipeline::EmbedModels{}); }));
#endif
    return out;
  }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void untranslatedTheCoreWordsComeBackUnchanged() {
    for (const std::string& message : coreMessages())
      QCOMPARE(facet::app::errorText(message), QString::fromStdString(message));
  }

  void everyMessageTheEditorShowsIsRecognised() {
    MarkingTranslator marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));
    for (const std::string& message : coreMessages()) {
      const QString shown = facet::app::errorText(message);
      QVERIFY2(shown.startsWith("[translated] "), message.c_str());
      // The details (file names first) survive the translation.
      const std::string file = message.substr(0, message.find(':'));
      QVERIFY2(shown.contains(QString::fromStdString(file).section(' ', -1)), qPrintable(shown));
    }
    // A detail with "%2" in it is not mistaken for a placeholder.
    const QString missing = facet::app::errorText(coreMessages()[1]);
    QVERIFY2(missing.contains("missing 100%2.png"), qPrintable(missing));
    // What the catalogue does not know stays in English.
    QCOMPARE(facet::app::errorText(std::string("some other failure")), QString("some other failure"));
    QCoreApplication::removeTranslator(&marking);
  }
};

QTEST_GUILESS_MAIN(ErrorTextTest)
#include "test_error_text.moc"
