#pragma once
// Where the face-api tests find @vladmandic/face-api's model/ folder: $FACET_FACEAPI_DIR, then
// <build>/faceapi/package/model (what `./facet.sh test` unpacks with npm pack), then the models search path's
// face-api/. Empty when none has the files: the model tests then skip, saying why.
#include <string>

namespace facet::test {
std::string faceapi_models_dir();
}

#define FACET_REQUIRE_FACEAPI_MODELS()                                                                     \
  do {                                                                                                     \
    if (::facet::test::faceapi_models_dir().empty())                                                       \
      GTEST_SKIP() << "face-api models not found: set FACET_FACEAPI_DIR to @vladmandic/face-api's model/ " \
                      "folder (npm pack @vladmandic/face-api), or run ./facet.sh test, which fetches it";  \
  } while (0)
