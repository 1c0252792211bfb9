# Warnings, ccache and the shared precompiled header for LibTorch.

find_program(FACET_CCACHE ccache)
if(FACET_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  # PCH-friendly sloppiness: without it ccache never hits on precompiled headers.
  # CCACHE_BASEDIR makes paths relative, so checkouts side by side (git worktrees) share cache hits when
  # FACET_USE_PCH is off (a precompiled header differs per build folder and defeats sharing).
  get_filename_component(_facet_ccache_base "${PROJECT_SOURCE_DIR}/.." ABSOLUTE)
  set(CMAKE_CXX_COMPILER_LAUNCHER
      env CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
          CCACHE_BASEDIR=${_facet_ccache_base} ${FACET_CCACHE})
endif()

# Applied per target (not globally) so that third-party headers stay quiet.
function(facet_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra)
  endif()
endfunction()
