# The third-party libraries from FACET_BUNDLED_DEPS (see scripts/gpu_bundle.sh) where find_package finds none.
# Layout: include/{spdlog,fmt,nlohmann,CLI} and googletest/ (GoogleTest's source tree).
set(_facet_bundle "${FACET_BUNDLED_DEPS}")
if(NOT EXISTS "${_facet_bundle}/include")
  message(FATAL_ERROR "FACET_BUNDLED_DEPS=${_facet_bundle} has no include/ folder: make it with scripts/gpu_bundle.sh")
endif()

# Plain (not imported) targets: their folder is an ordinary -I, searched before the -isystem folders of imported
# packages, so the bundle's fmt is the one spdlog sees even where LibTorch's include folder holds another fmt.
function(_facet_bundled_target name alias)
  add_library(${name} INTERFACE)
  target_include_directories(${name} INTERFACE "${_facet_bundle}/include")
  add_library(${alias} ALIAS ${name})
  message(STATUS "${alias}: headers from ${_facet_bundle}")
endfunction()

# A pre-C++11-ABI LibTorch cannot link the machine's compiled spdlog or GoogleTest: take the bundle's.
set(FACET_BUNDLE_ONLY OFF)
if(TORCH_CXX_FLAGS MATCHES "_GLIBCXX_USE_CXX11_ABI=0")
  set(FACET_BUNDLE_ONLY ON)
endif()

if(NOT FACET_BUNDLE_ONLY)
  find_package(spdlog QUIET)
endif()
if(NOT spdlog_FOUND)
  # spdlog and fmt header-only: no compiled library to match this machine's compiler or C++ ABI.
  _facet_bundled_target(facet_bundled_spdlog spdlog::spdlog)
  target_compile_definitions(facet_bundled_spdlog INTERFACE FMT_HEADER_ONLY)
endif()
find_package(nlohmann_json 3 QUIET)
if(NOT nlohmann_json_FOUND)
  _facet_bundled_target(facet_bundled_json nlohmann_json::nlohmann_json)
endif()
find_package(CLI11 QUIET)
if(NOT CLI11_FOUND)
  _facet_bundled_target(facet_bundled_cli11 CLI11::CLI11)
endif()

# GoogleTest: tests/CMakeLists.txt builds it from ${_facet_bundle}/googletest when find_package(GTest) fails.
set(FACET_BUNDLED_GOOGLETEST "${_facet_bundle}/googletest")
