# Desktop integration, man pages, shell completion and the Debian package (CPack DEB; `./facet.sh package`).
# PNG icons need rsvg-convert (librsvg2-bin) and man pages help2man: without them those parts are left out and
# configure says so (`./facet.sh package` installs both).

set(_pkg_src ${PROJECT_SOURCE_DIR}/packaging)
set(_pkg_gen ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${_pkg_gen}/icons ${_pkg_gen}/man ${_pkg_gen}/completions ${_pkg_gen}/doc)
set(_pkg_outputs)

# Desktop entry, AppStream metainfo, the .facet MIME type.
install(FILES ${_pkg_src}/facet.desktop DESTINATION share/applications)
install(FILES ${_pkg_src}/io.github.facet.Facet.metainfo.xml DESTINATION share/metainfo)
install(FILES ${_pkg_src}/facet-mime.xml DESTINATION share/mime/packages RENAME facet.xml)

# The icon: the SVG, and PNGs rendered from it in the sizes desktops look for first.
set(_icon_svg ${_pkg_src}/icons/facet.svg)
install(FILES ${_icon_svg} DESTINATION share/icons/hicolor/scalable/apps)
find_program(FACET_RSVG_CONVERT rsvg-convert)
if(FACET_RSVG_CONVERT)
  foreach(size 16 24 32 48 64 128 256 512)
    set(png ${_pkg_gen}/icons/${size}x${size}/facet.png)
    add_custom_command(OUTPUT ${png}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${_pkg_gen}/icons/${size}x${size}
      COMMAND ${FACET_RSVG_CONVERT} -w ${size} -h ${size} -o ${png} ${_icon_svg}
      DEPENDS ${_icon_svg} VERBATIM)
    list(APPEND _pkg_outputs ${png})
    install(FILES ${png} DESTINATION share/icons/hicolor/${size}x${size}/apps)
  endforeach()
else()
  message(STATUS "rsvg-convert not found (librsvg2-bin): only the SVG icon is installed")
endif()

# The model downloader on PATH: a link to the script, which reads the manifest beside itself.
file(CREATE_LINK ../share/facet/models/fetch ${_pkg_gen}/facet-fetch-models SYMBOLIC)
install(FILES ${_pkg_gen}/facet-fetch-models DESTINATION bin)

# Shell completion, written by facet-cli from its registered commands.
set(_bash_completion ${_pkg_gen}/completions/facet-cli)
set(_zsh_completion ${_pkg_gen}/completions/_facet-cli)
add_custom_command(OUTPUT ${_bash_completion} ${_zsh_completion}
  COMMAND sh -c "\"$0\" completion bash > \"$1\" && \"$0\" completion zsh > \"$2\""
          $<TARGET_FILE:facet-cli> ${_bash_completion} ${_zsh_completion}
  DEPENDS facet-cli VERBATIM)
list(APPEND _pkg_outputs ${_bash_completion} ${_zsh_completion})
install(FILES ${_bash_completion} DESTINATION share/bash-completion/completions)
install(FILES ${_zsh_completion} DESTINATION share/zsh/vendor-completions)

# Man pages from the programs' own --help (help2man), compressed as Debian policy asks.
find_program(FACET_HELP2MAN help2man)
if(FACET_HELP2MAN)
  configure_file(${_pkg_src}/man/common.h2m.in ${_pkg_gen}/man/common.h2m @ONLY)
  # Help on stdout only: start-up warnings on stderr stay out of the pages. HOME=~: defaults derived from the home
  # folder read ~/.local/share/... rather than the home of whoever builds the package.
  set(_home ${CMAKE_COMMAND} -E env HOME=~ XDG_DATA_HOME= XDG_STATE_HOME= XDG_CONFIG_HOME=)
  set(_h2m ${_home} ${FACET_HELP2MAN} --no-info)
  set(_man ${_pkg_gen}/man)

  add_custom_command(OUTPUT ${_man}/facet-cli.1.gz
    COMMAND ${_home} sh ${_pkg_src}/man/cli_commands.sh $<TARGET_FILE:facet-cli> ${_man}/facet-cli.h2m
    COMMAND ${_h2m} --name "edit face attributes in photos and videos from the command line"
            --include ${_man}/facet-cli.h2m --include ${_man}/common.h2m
            --output ${_man}/facet-cli.1 $<TARGET_FILE:facet-cli>
    COMMAND gzip -n -9 -f ${_man}/facet-cli.1
    DEPENDS facet-cli ${_pkg_src}/man/cli_commands.sh ${_man}/common.h2m VERBATIM)
  list(APPEND _pkg_outputs ${_man}/facet-cli.1.gz)

  # Through a link of the installed name: the script's own usage line names the program it was started as.
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/models/fetch ${_man}/facet-fetch-models SYMBOLIC)
  add_custom_command(OUTPUT ${_man}/facet-fetch-models.1.gz
    COMMAND ${_h2m} --name "download the models Facet uses" --version-string ${PROJECT_VERSION}
            --include ${_pkg_src}/man/fetch.h2m --include ${_man}/common.h2m
            --output ${_man}/facet-fetch-models.1 ${_man}/facet-fetch-models
    COMMAND gzip -n -9 -f ${_man}/facet-fetch-models.1
    DEPENDS ${PROJECT_SOURCE_DIR}/models/fetch ${_pkg_src}/man/fetch.h2m ${_man}/common.h2m VERBATIM)
  list(APPEND _pkg_outputs ${_man}/facet-fetch-models.1.gz)
  install(FILES ${_man}/facet-cli.1.gz ${_man}/facet-fetch-models.1.gz DESTINATION share/man/man1)

  if(TARGET facet)
    # The editor prints its --help before opening a window; the offscreen platform needs no display.
    add_custom_command(OUTPUT ${_man}/facet.1.gz
      COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
              ${_h2m} --name "edit the attributes of faces in photos and videos"
              --include ${_pkg_src}/man/facet.h2m --include ${_man}/common.h2m
              --output ${_man}/facet.1 $<TARGET_FILE:facet>
      COMMAND gzip -n -9 -f ${_man}/facet.1
      DEPENDS facet ${_pkg_src}/man/facet.h2m ${_man}/common.h2m VERBATIM)
    list(APPEND _pkg_outputs ${_man}/facet.1.gz)
    install(FILES ${_man}/facet.1.gz DESTINATION share/man/man1)
  endif()
else()
  message(STATUS "help2man not found: no man pages")
endif()

# Debian's documentation folder: the copyright file (with the licences of the models, from the manifest) and the
# changelog lintian expects.
set(FACET_DEBIAN_VERSION ${PROJECT_VERSION}-1)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/models/manifest.json)
file(READ ${PROJECT_SOURCE_DIR}/models/manifest.json _manifest)
string(JSON _model_count LENGTH "${_manifest}" models)
math(EXPR _model_last "${_model_count} - 1")
set(FACET_MODEL_LICENCES "")
foreach(i RANGE ${_model_last})
  string(JSON _id GET "${_manifest}" models ${i} id)
  string(JSON _file GET "${_manifest}" models ${i} file)
  string(JSON _licence GET "${_manifest}" models ${i} license)
  string(JSON _source GET "${_manifest}" models ${i} source)
  string(APPEND FACET_MODEL_LICENCES " ${_id} (${_file}): ${_licence}\n   from ${_source}\n")
endforeach()
string(REGEX REPLACE "\n$" "" FACET_MODEL_LICENCES "${FACET_MODEL_LICENCES}")
configure_file(${_pkg_src}/copyright.in ${_pkg_gen}/doc/copyright @ONLY)
string(TIMESTAMP FACET_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${_pkg_src}/changelog.Debian.in ${_pkg_gen}/doc/changelog.Debian @ONLY)
add_custom_command(OUTPUT ${_pkg_gen}/doc/changelog.Debian.gz
  COMMAND gzip -n -9 -k -f ${_pkg_gen}/doc/changelog.Debian
  DEPENDS ${_pkg_gen}/doc/changelog.Debian VERBATIM)
list(APPEND _pkg_outputs ${_pkg_gen}/doc/changelog.Debian.gz)
install(FILES ${_pkg_gen}/doc/copyright ${_pkg_gen}/doc/changelog.Debian.gz DESTINATION share/doc/facet)

add_custom_target(facet_desktop_files ALL DEPENDS ${_pkg_outputs})

# The package: dependencies from the binaries' shared libraries (dpkg-shlibdeps), plus what they load at run
# time: Qt's translations, dlib's landmark model, the OpenBLAS LibTorch runs fastest with, Python for the
# model downloader.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME facet)
set(CPACK_PACKAGE_VENDOR "Facet maintainers")
set(CPACK_PACKAGE_CONTACT "Facet maintainers <maintainers@users.noreply.h-seed-4a05c615.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "face attribute editor for photos and videos")
set(CPACK_PACKAGE_DESCRIPTION "Facet changes the attributes of faces in real photos and videos (age,
smile, glasses, hair, beard and more) while keeping the person recognisable:
the Latent Transformer on a StyleGAN2 generator, with Image2StyleGAN embedding
and StyleCLIP text edits. The package holds the Qt editor (facet) and the
scriptable facet-cli. The model files are not included: facet-fetch-models
downloads them.")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-translations-l10n, libdlib-data, libopenblas0-pthread, python3")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ffmpeg, fonts-noto-cjk | fonts-wqy-microhei")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
