# Third-party packages. Debian 12 names in facet.sh; a CUDA LibTorch comes in through CMAKE_PREFIX_PATH.

find_package(Torch REQUIRED)
find_package(Threads REQUIRED)

# spdlog, nlohmann-json and CLI11 are header-only or small; all three are Debian packages.
find_package(spdlog REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)

if(FACET_WITH_VISION)
  find_package(OpenCV REQUIRED COMPONENTS core imgproc imgcodecs videoio video photo)
  find_package(dlib REQUIRED)
endif()

if(FACET_BUILD_GUI)
  find_package(Qt6 REQUIRED COMPONENTS Widgets Charts Concurrent LinguistTools)
  if(FACET_BUILD_TESTS)
    find_package(Qt6 REQUIRED COMPONENTS Test)
  endif()
endif()

# One interface target that carries LibTorch for every core library. TORCH_CXX_FLAGS carries the ABI flag.
add_library(facet_torch INTERFACE)
target_link_libraries(facet_torch INTERFACE ${TORCH_LIBRARIES})
separate_arguments(_facet_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
target_compile_options(facet_torch INTERFACE ${_facet_torch_flags})

# The shared precompiled header: every core target reuses it, so <torch/torch.h> is parsed once per build.
# Off: every file parses LibTorch's headers itself, slower alone but cacheable by ccache across checkouts.
option(FACET_USE_PCH "Share one precompiled header for LibTorch" ON)
add_library(facet_pch STATIC ${CMAKE_CURRENT_LIST_DIR}/pch_anchor.cpp)
target_link_libraries(facet_pch PUBLIC facet_torch)
facet_warnings(facet_pch)
if(FACET_USE_PCH)
  target_precompile_headers(facet_pch PUBLIC <torch/torch.h> <vector> <string> <memory> <map> <stdexcept>)
endif()

# Executables compile with -fPIE and libraries with -fPIC; GCC refuses a PCH made with the other one,
# so executables reuse a twin PCH built by a tiny executable.
add_executable(facet_pch_exe ${CMAKE_CURRENT_LIST_DIR}/pch_anchor_main.cpp)
target_link_libraries(facet_pch_exe PRIVATE facet_torch)
facet_warnings(facet_pch_exe)
if(FACET_USE_PCH)
  target_precompile_headers(facet_pch_exe PRIVATE <torch/torch.h> <vector> <string> <memory> <map> <stdexcept>)
endif()

function(facet_use_pch target)
  if(NOT FACET_USE_PCH)
    # The same headers as plain forced includes, so both settings compile the same code.
    foreach(header torch/torch.h vector string memory map stdexcept)
      target_compile_options(${target} PRIVATE "SHELL:-include ${header}")
    endforeach()
    return()
  endif()
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "EXECUTABLE")
    target_precompile_headers(${target} REUSE_FROM facet_pch_exe)
  else()
    target_precompile_headers(${target} REUSE_FROM facet_pch)
  endif()
endfunction()
