#pragma once
// The "Two faces" panel: what the edited face does with other faces (Image2StyleGAN's applications). Morph towards
// a second face with λ, mix chosen layers of a second face in with a strength, or add the expression change from a
// neutral to an expressive face. Each face slot has a menu: a photo, a W+ code, a random face, or a recent face.
// The panel only shows the document's state and says what the user asked for; the main window acts on it.
#include <string>
#include <vector>

#include <QWidget>

// The signals' types, for moc alone: the header stays free of LibTorch.
Q_MOC_INCLUDE("core/edit/two_faces.h")

class QComboBox;
class QLabel;
class QMenu;
class QSlider;
class QToolButton;

namespace facet::edit {
enum class TwoFaceMode;
}
namespace facet::app {
struct OtherFace;
struct TwoFaceState;
}

namespace facet::ui {

class LayerMaskPanel;

class TwoFacesPanel : public QWidget {
  Q_OBJECT
 public:
  enum class Source { Photo, Wplus, Random, Recent };
  static constexpr int kSteps = 100;  // slider steps per unit of the amount

  explicit TwoFacesPanel(QWidget* parent = nullptr);

  void setLayerCount(int count);
  // The document's state, shown without signals.
  void showState(const app::TwoFaceState& state);
  void setRecentFaces(const std::vector<app::OtherFace>& faces);

  // What the panel shows (tests).
  edit::TwoFaceMode mode() const;
  double amount() const;
  QString faceText(const std::string& role) const;
  QString amountText() const;

 Q_SIGNALS:
  void modeChosen(facet::edit::TwoFaceMode mode);
  void amountMoved(double amount);  // while the slider moves
  void amountReleased();            // the end of a gesture: an undo step
  void mixLayersChanged(const std::vector<bool>& layers);
  // A face slot's menu: `recent` is the index into the recent faces for Source::Recent.
  void faceRequested(const QString& role, facet::ui::TwoFacesPanel::Source source, int recent);

 private:
  struct Slot {
    std::string role;
    QWidget* row = nullptr;
    QLabel* name = nullptr;
    QToolButton* choose = nullptr;
    QMenu* recent = nullptr;
  };
  Slot makeSlot(const std::string& role, const QString& title, const QString& tip);
  void layOut(edit::TwoFaceMode mode);  // which rows, ranges and texts the mode needs
  void updateAmountText();
  double sliderToAmount(int value) const { return static_cast<double>(value) / kSteps; }

  QComboBox* modes_ = nullptr;
  QLabel* hint_ = nullptr;
  std::vector<Slot> slots_;
  QLabel* amountLabel_ = nullptr;
  QSlider* amount_ = nullptr;
  LayerMaskPanel* layers_ = nullptr;
};

}  // namespace facet::ui
