#pragma once
// An undo step for a change the user has already made (a text slider added or removed): pushing it does nothing,
// undo() and redo() replay the two functions.
#include <functional>
#include <utility>

#include <QUndoCommand>

namespace facet::ui {

class AppliedCommand : public QUndoCommand {
 public:
  AppliedCommand(std::function<void()> undo, std::function<void()> redo, const QString& text)
      : undo_(std::move(undo)), redo_(std::move(redo)) {
    setText(text);
  }
  void undo() override { undo_(); }
  void redo() override {
    if (pushed_) redo_();
    pushed_ = true;  // the first redo() is QUndoStack::push itself: the change is already there
  }

 private:
  std::function<void()> undo_, redo_;
  bool pushed_ = false;
};

}  // namespace facet::ui
