// The two-face mode's names, apart from the operations so that the session reader (and its fuzz target) need
// nothing else of facet_edit.
#include "core/edit/two_faces.h"

#include "core/io/error.h"

namespace facet::edit {

const char* two_face_mode_name(TwoFaceMode mode) {
  switch (mode) {
    case TwoFaceMode::Morph: return "morph";
    case TwoFaceMode::Mix: return "mix";
    case TwoFaceMode::Expression: return "expression";
    case TwoFaceMode::None: break;
  }
  return "none";
}

TwoFaceMode parse_two_face_mode(const std::string& text) {
  for (TwoFaceMode m : {TwoFaceMode::None, TwoFaceMode::Morph, TwoFaceMode::Mix, TwoFaceMode::Expression})
    if (text == two_face_mode_name(m)) return m;
  throw Error("the two-face operation must be none, morph, mix or expression (got '" + text + "')");
}

}  // namespace facet::edit
