#pragma once
// The 40 CelebA attributes (core/edit/attributes.h) as slider slots, display and group names translated.
#include <QVector>

#include "ui/attribute_slider_panel.h"

namespace facet::edit {
class Editor;
}

namespace facet::ui {

// `editor` decides each row's method: its transformer, else a linear direction ("linear" badge), else none (the row
// is disabled with what to install). Null (no models yet): every row as if it had a transformer.
QVector<AttributeSlot> celebaSlots(const edit::Editor* editor);
QString translatedAttributeName(const std::string& englishName);

}  // namespace facet::ui
