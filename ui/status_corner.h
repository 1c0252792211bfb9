#pragma once
// The status bar's right corner: how long the last render took, which models are loaded, on which device.
#include <QString>
#include <QWidget>

class QLabel;

namespace facet::app {
struct RenderResult;
}

namespace facet::ui {

class StatusCorner : public QWidget {
  Q_OBJECT
 public:
  explicit StatusCorner(QWidget* parent = nullptr);

  void showTiming(const app::RenderResult& result);  // "120 ms/preview", with the stages in the tooltip
  void showModels(const QString& models, const QString& files, const QString& device);

  QString timingText() const;
  QString modelsText() const;
  QString deviceText() const;

 private:
  QLabel* timing_ = nullptr;
  QLabel* models_ = nullptr;
  QLabel* device_ = nullptr;
};

}  // namespace facet::ui
