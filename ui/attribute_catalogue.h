#pragma once
// The 40 CelebA attributes (core/edit/attributes.h) as slider slots, display and group names translated.
#include <QVector>

#include "ui/attribute_slider_panel.h"

namespace facet::edit {
class Editor;
}

namespace facet::ui {

// `editor` decides the "linear" badge (attributes without a trained transformer); null = all linear.
QVector<AttributeSlot> celebaSlots(const edit::Editor* editor);
QString translatedAttributeName(const std::string& englishName);

}  // namespace facet::ui
