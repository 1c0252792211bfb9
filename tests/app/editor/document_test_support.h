#pragma once
// What the edit document's GUI-less tests share: the fixture models loaded once, and a document with the fixture's
// face whose first full render is in.
#include <memory>

#include <QString>
#include <QtTest>

#include "app/editor/edit_document.h"
#include "app/editor/render_controller.h"
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

}  // namespace facet::test
