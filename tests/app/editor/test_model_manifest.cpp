// Tools ▸ Models ▸ Verify without its window (app/editor/model_manifest): every file's size is compared with the
// manifest's wherever the manifest gives one, its SHA-256 (or the published prefix) where one is published; the
// repository's manifest carries exactly the checksums the README names.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "app/editor/model_manifest.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "core/io/sha256.h"

using facet::app::ChecksumStatus;
using facet::app::ManifestEntry;
using facet::app::checkModel;

class ModelManifestTest : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  QString write(const QString& name, const std::string& bytes) {
    const QString path = dir_.filePath(name);
    facet::io::write_file_atomic(path.toStdString(), bytes);
    return path;
  }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  // The issue a size check exists for: a small test generator under the official generator's file name.
  void aTestFileUnderAModelsNameHasTheWrongSize() {
    const auto entries = facet::app::readManifest(QString(FACET_SOURCE_DIR) + "/models/manifest.json");
    ManifestEntry generator;
    for (const ManifestEntry& e : entries)
      if (e.id == "stylegan2-ffhq-1024") generator = e;
    QVERIFY(generator.sizeBytes > 0);
    QVERIFY(generator.sha256.isEmpty());  // no published checksum: the size is what tells the files apart
    const QString path = write("stylegan2-ffhq-config-f.pt", std::string(1 << 16, 'x'));
    QCOMPARE(checkModel(generator, path), ChecksumStatus::WrongSize);
  }

  void theSizeIsCheckedAlwaysAndTheChecksumWherePublished() {
    const std::string bytes = "facet model bytes";  // 17 bytes
    const QString path = write("model.bin", bytes);
    const QString sha = QString::fromStdString(facet::io::sha256_hex(bytes));
    ManifestEntry e;
    e.id = "tiny";
    e.file = "model.bin";
    QCOMPARE(checkModel(e, path), ChecksumStatus::NoReference);
    e.sizeBytes = 17;
    QCOMPARE(checkModel(e, path), ChecksumStatus::SizeOnly);
    e.sizeBytes = 16;
    QCOMPARE(checkModel(e, path), ChecksumStatus::WrongSize);
    e.sha256 = sha;
    QCOMPARE(checkModel(e, path), ChecksumStatus::WrongSize);  // the size is checked even with a checksum
    e.sizeBytes = 17;
    QCOMPARE(checkModel(e, path), ChecksumStatus::Match);
    e.sha256 = QString(64, 'a');
    QCOMPARE(checkModel(e, path), ChecksumStatus::Mismatch);
    e.sha256.clear();
    e.sha256Prefix = sha.left(8);  // torchvision's convention: the file named after its hash's first digits
    QCOMPARE(checkModel(e, path), ChecksumStatus::Match);
    e.sha256Prefix = sha.left(7) + (sha[7] == 'f' ? "0" : "f");
    QCOMPARE(checkModel(e, path), ChecksumStatus::Mismatch);
    QCOMPARE(checkModel(e, dir_.filePath("absent.bin")), ChecksumStatus::Missing);
    // Each state reads as words in the dialog, the failures saying what to do.
    QVERIFY(facet::app::checksumStatusText(ChecksumStatus::WrongSize).contains("fetch it again"));
    QVERIFY(facet::app::checksumStatusText(ChecksumStatus::Mismatch).contains("fetch it again"));
  }

  // README (Models): "Exactly three entries carry a published checksum: clip-vit-b32 …, vgg16-imagenet … and
  // face-api".
  void theManifestCarriesExactlyTheChecksumsTheReadmeNames() {
    const auto entries = facet::app::readManifest(QString(FACET_SOURCE_DIR) + "/models/manifest.json");
    QStringList withChecksum;
    for (const ManifestEntry& e : entries) {
      if (!e.sha256.isEmpty()) QCOMPARE(e.sha256.size(), 64);
      if (!e.sha256.isEmpty() || !e.sha256Prefix.isEmpty()) withChecksum << e.id;
    }
    QCOMPARE(withChecksum, (QStringList{"clip-vit-b32", "vgg16-imagenet", "face-api"}));
    QFile readme(QString(FACET_SOURCE_DIR) + "/README.md");
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll()).simplified();
    QVERIFY(text.contains("Exactly three entries carry a published checksum: `clip-vit-b32`"));
    QVERIFY(text.contains("`vgg16-imagenet`"));
    QVERIFY(text.contains("and `face-api`"));
  }

  void aBrokenManifestIsAClearError() {
    const QString path = write("manifest.json", "{\"models\": 3}");
    try {
      facet::app::readManifest(path);
      QFAIL("no error");
    } catch (const facet::Error& e) {
      QVERIFY2(QString(e.what()).contains(path), e.what());
      QVERIFY2(QString(e.what()).contains("not a model manifest"), e.what());
    }
  }
};

QTEST_GUILESS_MAIN(ModelManifestTest)
#include "test_model_manifest.moc"
