#pragma once
// A bar above the preview for what the user has to see: a problem (a file that cannot be opened, no face found, a
// failed export or render) or guidance, in full sentences, until it is closed, replaced or a new face is opened.
// Passing notes ("Exported …", "Loading …") stay in the status bar.
#include <functional>

#include <QString>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace facet::ui {

class MessageBar : public QWidget {
  Q_OBJECT
 public:
  enum class Kind { Information, Warning, Error };

  explicit MessageBar(QWidget* parent = nullptr);

  // Replaces the message (and any action of the previous one).
  void showMessage(const QString& text, Kind kind = Kind::Error);
  // A button on the current message that does what the message asks for ("Models…"), replacing any other;
  // addAction puts one more beside them (every way forward at once).
  void setAction(const QString& text, std::function<void()> action);
  void addAction(const QString& text, std::function<void()> action);
  void dismiss();
  QString text() const;
  Kind kind() const { return kind_; }

 private:
  QLabel* icon_ = nullptr;
  QLabel* text_ = nullptr;
  void clearActions();
  QHBoxLayout* actions_ = nullptr;
  QToolButton* close_ = nullptr;
  Kind kind_ = Kind::Information;
};

}  // namespace facet::ui
