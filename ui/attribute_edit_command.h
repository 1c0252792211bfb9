#pragma once
// One undoable slider edit: the α vector before and after. Applying either side sets the panel quietly and asks
// for a full-size render through the callback (the window owns the renderer).
#include <functional>
#include <vector>

#include <QUndoCommand>

namespace facet::ui {

class AttributeEditCommand : public QUndoCommand {
 public:
  using Apply = std::function<void(const std::vector<float>&)>;
  AttributeEditCommand(std::vector<float> before, std::vector<float> after, Apply apply, const QString& text);

  void undo() override { apply_(before_); }
  // The first redo() is the push itself: the panel already shows `after`, so nothing is applied then.
  void redo() override;

 private:
  std::vector<float> before_;
  std::vector<float> after_;
  Apply apply_;
  bool pushed_ = false;
};

}  // namespace facet::ui
