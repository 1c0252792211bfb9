#pragma once
// View ▸ Preview speed: how long a slider preview may take (app::PreviewSettings), one checkable choice per budget.
class QMenu;

namespace facet::app {
class Editor;
}

namespace facet::ui {

void addPreviewSpeedMenu(QMenu* view, app::Editor* editor);

}  // namespace facet::ui
