#include "ui/attribute_edit_command.h"

namespace facet::ui {

AttributeEditCommand::AttributeEditCommand(std::vector<float> before, std::vector<float> after, Apply apply,
                                           const QString& text)
    : QUndoCommand(text), before_(std::move(before)), after_(std::move(after)), apply_(std::move(apply)) {}

void AttributeEditCommand::redo() {
  if (pushed_) apply_(after_);
  pushed_ = true;
}

}  // namespace facet::ui
