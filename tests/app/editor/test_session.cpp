// .facet sessions: round trip, photo hash check, and refusals with messages a user can act on.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "app/editor/session.h"
#include "core/io/error.h"

using facet::app::Session;

namespace {
void writeFile(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(bytes);
}

QString loadError(const QString& path) {
  try {
    facet::app::loadSession(path);
  } catch (const facet::Error& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}
}  // namespace

class SessionTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void roundTrips() {
    QTemporaryDir dir;
    const QString photo = dir.filePath("face.jpg");
    writeFile(photo, "pretend jpeg bytes");
    Session s;
    s.photoPath = photo;
    s.photoSha256 = facet::app::sha256OfFile(photo);
    s.faceIndex = 2;
    s.wplusFile = "face.wplus.npy";
    s.alphas = {0.0f, 1.25f, -3.0f, 0.1f};
    s.attributeIds = {"Smiling", "Young", "Bangs", "Eyeglasses"};
    s.modelIds = {"stylegan2-ffhq-config-f", "lt-classifier"};
    const QString path = dir.filePath("edit.facet");
    facet::app::saveSession(path, s);
    const Session back = facet::app::loadSession(path);
    QVERIFY(back == s);
    QVERIFY(facet::app::sessionPhotoMatches(back));
    // sha256("pretend jpeg bytes") computed independently (coreutils' sha256sum)
    QCOMPARE(s.photoSha256, QString("45d30ae366b7ff61299cd9a70d0b001947b3bdf43c71d07980574f39ac680e56"));

    writeFile(photo, "the photo was edited since");
    QVERIFY(!facet::app::sessionPhotoMatches(back));
    QFile::remove(photo);
    QVERIFY(!facet::app::sessionPhotoMatches(back));
  }

  void knownHash() {
    QTemporaryDir dir;
    writeFile(dir.filePath("abc"), "abc");
    QCOMPARE(facet::app::sha256OfFile(dir.filePath("abc")),
             QString("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  }

  void refusesBadFiles() {
    QTemporaryDir dir;
    QVERIFY(loadError(dir.filePath("missing.facet")).contains("no such session file"));
    writeFile(dir.filePath("junk.facet"), "{ not json");
    QVERIFY(loadError(dir.filePath("junk.facet")).contains("not a Facet session"));
    writeFile(dir.filePath("other.facet"), R"({"format": "something-else", "version": 1})");
    QVERIFY(loadError(dir.filePath("other.facet")).contains("not a Facet session file"));
    writeFile(dir.filePath("newer.facet"), R"({"format": "facet-session", "version": 99})");
    QVERIFY(loadError(dir.filePath("newer.facet")).contains("update Facet"));
    writeFile(dir.filePath("mismatch.facet"),
              R"({"format": "facet-session", "version": 1, "photo": {"path": "/x.jpg", "sha256": ""}, "face": 0,
                  "alphas": [1, 2], "attributes": ["Smiling"], "models": []})");
    QVERIFY(loadError(dir.filePath("mismatch.facet")).contains("2 slider values for 1 attributes"));
    writeFile(dir.filePath("badalpha.facet"),
              R"({"format": "facet-session", "version": 1, "photo": {"path": "/x.jpg"}, "face": 0,
                  "alphas": ["a"], "attributes": [], "models": []})");
    QVERIFY(loadError(dir.filePath("badalpha.facet")).contains("list of numbers"));
  }

  // The edited-layer mask (editor's layer control): saved only when set, read back, malformed lists refused.
  void layerMaskRoundTripsAndIsChecked() {
    QTemporaryDir dir;
    Session s;
    s.photoPath = "/x.jpg";
    s.editedLayers = {true, true, true, true, false, false, false, false, false, false};
    const QString path = dir.filePath("layers.facet");
    facet::app::saveSession(path, s);
    QVERIFY(facet::app::loadSession(path) == s);
    s.editedLayers.clear();  // the default: no "layers" key at all
    facet::app::saveSession(path, s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains("\"layers\""));
    QVERIFY(facet::app::loadSession(path).editedLayers.empty());
    writeFile(dir.filePath("badlayers.facet"),
              R"({"format": "facet-session", "version": 1, "photo": {"path": "/x.jpg"}, "face": 0,
                  "alphas": [], "attributes": [], "models": [], "layers": [0, 1]})");
    QVERIFY(loadError(dir.filePath("badlayers.facet")).contains("'layers' must be a list of true/false"));
  }

  void saveIntoMissingFolderThrows() {
    Session s;
    s.photoPath = "/x.jpg";
    bool threw = false;
    try {
      facet::app::saveSession("/nonexistent-folder-facet/edit.facet", s);
    } catch (const facet::Error&) {
      threw = true;
    }
    QVERIFY(threw);
  }
};

QTEST_GUILESS_MAIN(SessionTest)
#include "test_session.moc"
