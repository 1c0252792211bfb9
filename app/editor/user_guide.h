#pragma once
// Help ▸ User guide: a short guide to the editor (opening a photo, the sliders, timelines, two faces, models) as
// rich text in the interface language.
#include <QString>

namespace facet::app {

QString userGuideHtml();

}  // namespace facet::app
