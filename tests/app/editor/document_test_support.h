#pragma once
// What the edit document's GUI-less tests share: the fixture models loaded once, and a document with the fixture's
// face whose first full render is in.
#include <memory>

#include <QString>
#include <QtTest>

#include "app/editor/edit_document.h"
#include "app/editor/render_controller.h"
#include "app/editor/timeline_model.h"
#include "core/edit/attributes.h"
#include "tests/app/editor/fixture_models.h"

namespace facet::test {

constexpr int kAttributeCount = 40;

inline std::shared_ptr<const models::ModelSet> fixtureModelSet() {
  static const auto models = models::load_model_set(fixtureModelFiles(false));
  return models;
}

// Preview 32², a 50 ms settle; null when the face does not render within 20 s.
inline std::unique_ptr<app::EditDocument> readyDocument(const QString& autosaveDir) {
  auto doc = std::make_unique<app::EditDocument>(kAttributeCount, nullptr, autosaveDir);
  doc->setPreviewSize(32);
  doc->renderer()->setSettleMs(50);
  doc->setModels(fixtureModelSet());
  if (!doc->setFace(fixtureWplus())) return nullptr;
  if (!QTest::qWaitFor([&] { return doc->fullResultIsCurrent(); }, 20000)) return nullptr;
  return doc;
}

// The document's timeline on the CelebA attributes, its clock the test's `now`.
inline app::TimelineModel* timelineOnClock(app::EditDocument& doc, const double& now) {
  QStringList ids;
  for (const auto& a : edit::celeba_attributes()) ids << QString::fromStdString(a.id);
  doc.timeline()->setAttributeIds(ids);
  doc.timeline()->setClock([&now] { return now; });
  return doc.timeline();
}

}  // namespace facet::test
