#include "ui/attribute_catalogue.h"

#include <QCoreApplication>

#include "core/edit/attributes.h"
#include "core/edit/edit_stack.h"

namespace facet::ui {

namespace {
// For lupdate: every English display and group name of core/edit/attributes.cpp.
[[maybe_unused]] const char* const kNames[] = {
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Stubble"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Arched eyebrows"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Attractive"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Bags under eyes"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Bald"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Bangs"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Big lips"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Big nose"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Black hair"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Blond hair"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Blurry"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Brown hair"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Bushy eyebrows"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Chubby"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Double chin"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Eyeglasses"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Goatee"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Grey hair"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Heavy make-up"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "High cheekbones"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Male"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Mouth open"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Moustache"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Narrow eyes"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "No beard"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Oval face"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Pale skin"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Pointy nose"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Receding hairline"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Rosy cheeks"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Sideburns"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Smiling"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Straight hair"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Wavy hair"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Earrings"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Hat"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Lipstick"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Necklace"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Necktie"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Young"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Hair"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Face"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Expression"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Accessories"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Age and gender"),
    QT_TRANSLATE_NOOP("facet::ui::Attributes", "Other"),
};
}  // namespace

QString translatedAttributeName(const std::string& englishName) {
  return QCoreApplication::translate("facet::ui::Attributes", englishName.c_str());
}

QVector<AttributeSlot> celebaSlots(const edit::Editor* editor) {
  QVector<AttributeSlot> slots;
  for (const edit::Attribute& a : edit::celeba_attributes()) {
    AttributeSlot slot;
    slot.id = QString::fromStdString(a.id);
    slot.displayName = translatedAttributeName(a.display_name);
    slot.group = translatedAttributeName(edit::group_name(a.group));
    // Without models nothing is known yet: no badges (the panel is disabled until there is a face).
    slot.hasTransformer = !editor || editor->has_transformer(a.index);
    slot.movable = !editor || slot.hasTransformer || editor->has_direction(a.index);
    if (!slot.movable)
      slot.unavailableReason =
          AttributeSliderPanel::tr("Nothing can change %1 yet: its transformer tnet_%2.pth.tar is not in the transformers "
                                   "folder. Get it with Tools ▸ Models or facet-fetch-models.")
              .arg(slot.displayName)
              .arg(a.index);
    slots.push_back(slot);
  }
  return slots;
}

}  // namespace facet::ui
