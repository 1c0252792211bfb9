#pragma once
// The editor's undo steps. Both describe a change the user has already made when they are pushed (a slider
// released, a text slider added), so the first redo() — QUndoStack::push itself — does nothing; later undo() and
// redo() replay the change.
#include <functional>
#include <utility>
#include <vector>

#include <QUndoCommand>

namespace facet::app {

// One α vector before and after (attribute sliders, text sliders); applying either side goes through `apply`.
class ValuesCommand : public QUndoCommand {
 public:
  using Apply = std::function<void(const std::vector<float>&)>;
  ValuesCommand(std::vector<float> before, std::vector<float> after, Apply apply, const QString& text)
      : QUndoCommand(text), before_(std::move(before)), after_(std::move(after)), apply_(std::move(apply)) {}
  void undo() override { apply_(before_); }
  void redo() override {
    if (pushed_) apply_(after_);
    pushed_ = true;
  }

 private:
  std::vector<float> before_, after_;
  Apply apply_;
  bool pushed_ = false;
};

// Any change as two functions (a text slider added or removed).
class AppliedCommand : public QUndoCommand {
 public:
  AppliedCommand(std::function<void()> undo, std::function<void()> redo, const QString& text)
      : QUndoCommand(text), undo_(std::move(undo)), redo_(std::move(redo)) {}
  void undo() override { undo_(); }
  void redo() override {
    if (pushed_) redo_();
    pushed_ = true;
  }

 private:
  std::function<void()> undo_, redo_;
  bool pushed_ = false;
};

}  // namespace facet::app
