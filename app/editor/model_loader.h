#pragma once
// Loading the models, without a widget: off the GUI thread through the model registry, then handed to the
// document (the face being edited is set again on them). Without a generator, face-api is loaded alone when it is
// installed, so photos are still read. Each loaded file's SHA-256 is checked against the one recorded when it first
// loaded, in the same background job. The status texts (what is loaded, on which device) are made here.
#include <memory>

#include <QObject>
#include <QString>

#include "core/models/model_registry.h"

namespace facet::nn {
class FaceAnalyzer;
}

namespace facet::app {

class EditDocument;
class JobRunner;

class ModelLoader : public QObject {
  Q_OBJECT
 public:
  ModelLoader(EditDocument* document, JobRunner* jobs, QObject* parent = nullptr);

  // Ignored while a load runs.
  void load(const models::ModelFiles& files);
  bool loading() const;
  // face-api's networks: the models' own, or loaded alone without a generator; null = none.
  std::shared_ptr<const nn::FaceAnalyzer> analyzer() const { return analyzer_; }

  // "ffhq.pt 1024² · classifier · 40 transformers · face-api · encoder", the files behind it, the device.
  QString modelsText() const;
  QString modelsToolTip() const;
  QString deviceText() const;
  // What the empty preview says on a first run: what Facet does, how to start, which models are in and missing.
  static QString welcomeText();

 Q_SIGNALS:
  void progress(const QString& text);
  // ok: the document has the models; else `error` says why no generator was loaded.
  void loaded(bool ok, const QString& error);
  // After loaded(true): model files whose SHA-256 changed since they first loaded (core/models/model_checksums).
  void problem(const QString& text);

 private:
  EditDocument* doc_;
  JobRunner* jobs_;
  std::shared_ptr<const nn::FaceAnalyzer> analyzer_;
};

}  // namespace facet::app
