# The third-party libraries from FACET_BUNDLED_DEPS (see scripts/gpu_bundle.sh) where find_package finds none.
# Layout: include/{spdlog,fmt,nlohmann,CLI} and googletest/ (GoogleTest's source tree).
set(_facet_bundle "${FACET_BUNDLED_DEPS}")
if(NOT EXISTS "${_facet_bundle}/include")
  message(FATAL_ERROR "FACET_BUNDLED_DEPS=${_facet_bundle} has no include/ folder: make it with scripts/gpu_bundle.sh")
endif()

find_package(spdlog QUIET)
if(NOT spdlog_FOUND)
  # spdlog and fmt header-only: no compiled library to match the compiler or the C++ ABI of this machine.
  add_library(spdlog::spdlog INTERFACE IMPORTED)
  target_include_directories(spdlog::spdlog INTERFACE "${_facet_bundle}/include")
  target_compile_definitions(spdlog::spdlog INTERFACE FMT_HEADER_ONLY)
  message(STATUS "spdlog and fmt: header-only from ${_facet_bundle}")
endif()

find_package(nlohmann_json 3 QUIET)
if(NOT nlohmann_json_FOUND)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  target_include_directories(nlohmann_json::nlohmann_json INTERFACE "${_facet_bundle}/include")
  message(STATUS "nlohmann-json: from ${_facet_bundle}")
endif()

find_package(CLI11 QUIET)
if(NOT CLI11_FOUND)
  add_library(CLI11::CLI11 INTERFACE IMPORTED)
  target_include_directories(CLI11::CLI11 INTERFACE "${_facet_bundle}/include")
  message(STATUS "CLI11: from ${_facet_bundle}")
endif()

# GoogleTest: tests/CMakeLists.txt builds it from ${_facet_bundle}/googletest when find_package(GTest) fails.
set(FACET_BUNDLED_GOOGLETEST "${_facet_bundle}/googletest")
