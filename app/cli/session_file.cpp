#include "app/cli/session_file.h"

#include "core/edit/text_direction.h"
#include "core/io/error.h"
#include "core/session/session.h"

namespace facet::cli {

SessionFile read_session_file(const std::string& path) {
  const session::Session s = session::read_session(path);
  SessionFile out;
  out.path = path;
  out.photo = s.photo_path;
  out.face_index = s.face_index;
  out.wplus = session::wplus_path(s, path);
  out.code = session::read_wplus(s, path);
  out.alphas = s.alphas;
  out.attributes = s.attribute_ids;
  out.models = s.model_ids;
  out.edited_layers = s.edited_layers;
  for (const session::TextSlider& t : s.text_sliders) {
    auto direction = std::make_shared<edit::TextDirection>(
        edit::text_direction_from_json(t.direction, path + ": text slider '" + t.id + "'"));
    out.text_sliders.push_back({t.id, std::move(direction)});
    out.text_alphas.push_back(t.alpha);
  }
  out.two_faces = session::read_two_faces(s, path);
  if (!s.timeline.is_null()) out.timeline = video::Timeline::from_json(s.timeline, path);
  return out;
}

}  // namespace facet::cli
