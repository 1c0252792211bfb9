#pragma once
// Editor tests on the small parity fixtures (tests/data/fixtures): a 64² StyleGAN2 (n_latent 10, style_dim 128),
// a latent classifier for it and the transformer for attribute 15 (Eyeglasses). face-api.js models are used too
// when present ($FACET_FACEAPI_DIR or <build>/faceapi/package/model, which `./facet.sh test` unpacks).
// FACET_REQUIRE_FIXTURES_QT() fails a QtTest, saying why, where the fixtures folder is absent (the repository ships it).
#include <memory>

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QtTest>

#include "core/models/model_registry.h"
#include "core/io/npy.h"

namespace facet::test {

inline QString fixturesDir() {
  const QByteArray env = qgetenv("FACET_FIXTURES");
  const QString dir = env.isEmpty() ? QString(FACET_SOURCE_DIR) + "/tests/data/fixtures" : QString::fromLocal8Bit(env);
  return QFileInfo(dir + "/stylegan2/g_small_zip.pt").exists() ? QDir(dir).canonicalPath() : QString();
}

inline QString faceApiDir() {
  const QByteArray env = qgetenv("FACET_FACEAPI_DIR");
  for (const QString& dir : {QString::fromLocal8Bit(env), QString(FACET_BINARY_DIR) + "/faceapi/package/model"})
    if (!dir.isEmpty() && QFileInfo(dir + "/face_recognition_model-weights_manifest.json").exists()) return dir;
  return {};
}

inline models::ModelFiles fixtureModelFiles(bool withFaceApi = true) {
  const QString dir = fixturesDir();
  models::ModelFiles files;
  files.generator = (dir + "/stylegan2/g_small_zip.pt").toStdString();
  files.classifier = (dir + "/latent_transformer/latent_classifier.pth").toStdString();
  files.transformers_dir = (dir + "/latent_transformer").toStdString();
  if (withFaceApi) files.face_api_dir = faceApiDir().toStdString();
  files.device = "cpu";
  return files;
}

// The first W+ of the fixture ([1, 10, 128]).
inline torch::Tensor fixtureWplus() {
  return io::read_npy((fixturesDir() + "/stylegan2/wplus.npy").toStdString()).slice(0, 0, 1).contiguous();
}

constexpr int kFixtureAttribute = 15;  // the fixture's only transformer: tnet_15 (Eyeglasses)

}  // namespace facet::test

#define FACET_REQUIRE_FIXTURES_QT()                                                                  \
  do {                                                                                               \
    if (::facet::test::fixturesDir().isEmpty())                                                      \
      QFAIL("tests/data/fixtures not found (a partial checkout, or $FACET_FIXTURES names no folder)"); \
  } while (0)
