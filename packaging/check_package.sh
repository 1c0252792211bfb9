#!/usr/bin/env bash
# Checks a built facet .deb as a user meets it, without installing it system-wide: the package is unpacked into a
# scratch root (dpkg -x) and its programs run from there — they find their data beside themselves — then the
# editor starts under Xvfb in Korean and saves a screenshot, the metadata is validated and lintian reads the package.
#   packaging/check_package.sh facet_VERSION_ARCH.deb [OUT_DIR]
# OUT_DIR (default: package-check/ beside the .deb) keeps the screenshots, the aligned sample and lintian's report.
# Exit status: 0 when every check passed, 1 otherwise.
set -uo pipefail

deb="$(realpath "$1")"
out="$(realpath -m "${2:-$(dirname "$deb")/package-check}")"
rm -rf "$out"
mkdir -p "$out"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
root="$scratch/root"
# A user with nothing configured: no saved language, no models of their own.
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" XDG_DATA_HOME="$scratch/home/.local/share"
export XDG_STATE_HOME="$scratch/home/.local/state" XDG_CACHE_HOME="$scratch/home/.cache"
unset FACET_MODELS
mkdir -p "$HOME"

failures=0
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
pass() { printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }
# check DESCRIPTION COMMAND...: runs the command, its output indented.
check() {
  local what="$1"
  shift
  if "$@" > "$scratch/log" 2>&1; then pass "$what"; else fail "$what (exit $?)"; fi
  sed 's/^/     /' "$scratch/log" | head -n 40
}

step "unpack $(basename "$deb")"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
dpkg -x "$deb" "$root" || { fail "dpkg -x"; exit 1; }
bin="$root/usr/bin" share="$root/usr/share"
for f in bin/facet bin/facet-cli bin/facet-fetch-models libexec/facet/facet-bench-preview share/facet/models/manifest.json share/facet/models/fetch \
         share/facet/astronaut.png share/applications/facet.desktop \
         share/metainfo/io.github.facet.Facet.metainfo.xml \
         share/mime/packages/facet.xml share/icons/hicolor/scalable/apps/facet.svg \
         share/icons/hicolor/48x48/apps/facet.png share/icons/hicolor/256x256/apps/facet.png \
         share/man/man1/facet.1.gz share/man/man1/facet-cli.1.gz share/man/man1/facet-fetch-models.1.gz \
         share/bash-completion/completions/facet-cli share/zsh/vendor-completions/_facet-cli \
         share/doc/facet/copyright share/doc/facet/changelog.Debian.gz; do
  [ -e "$root/usr/$f" ] && pass "/usr/$f" || fail "/usr/$f is missing"
done
depends="$(dpkg-deb --field "$deb" Depends)"
for d in qt6-translations-l10n libdlib-data libopenblas0-pthread libtorch libqt6widgets6 python3; do
  [[ "$depends" == *"$d"* ]] && pass "Depends names $d" || fail "Depends lacks $d: $depends"
done
# Every dependency can be met from the configured archives (a simulation: nothing is installed).
check "apt-get resolves the dependencies" bash -c "apt-get install --simulate '$deb' | grep -E '^(Inst|Conf) facet ' "

step "the programs, run from the scratch root"
check "facet --version" env QT_QPA_PLATFORM=offscreen "$bin/facet" --version
check "facet-cli --version" "$bin/facet-cli" --version
check "facet-cli info" "$bin/facet-cli" info
check "facet-cli bench preview finds its helper" "$bin/facet-cli" bench preview --help
"$bin/facet-cli" info --json > "$scratch/info.json" 2>/dev/null
check "facet-cli info --json names the unpacked data" \
  python3 - "$scratch/info.json" "$share/facet" "$XDG_DATA_HOME" <<'EOF'
import json, sys
info, data = json.load(open(sys.argv[1])), sys.argv[2]
assert info["data_dir"] == data, info["data_dir"]
assert info["manifest"] == data + "/models/manifest.json", info["manifest"]
assert info["sample_photo"] == data + "/astronaut.png", info["sample_photo"]
# The user's folder, then the package's: nothing of the tree the package was built from.
assert info["model_search_paths"] == [sys.argv[3] + "/facet/models", data + "/models"], info["model_search_paths"]
print("data:", info["data_dir"])
EOF
check "facet-cli align on the installed sample photo" bash -c "'$bin/facet-cli' align '$share/facet/astronaut.png' \
  --size 256 --out '$out/astronaut-aligned.png' --json > '$out/align.json' && head -c 300 '$out/align.json'"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d.get('faces') else 1)" "$out/align.json" \
  && pass "align found a face (crop in $out/astronaut-aligned.png)" || fail "align reported no face"
check "facet-fetch-models --list reads the installed manifest" \
  bash -c "'$bin/facet-fetch-models' --list; [ \$? -le 1 ]"
grep -q stylegan2-ffhq-1024 "$scratch/log" && pass "the list names the generator" || fail "the list lacks the models"

step "shell completion, man pages, desktop metadata"
check "bash completion: 'facet-cli al' completes to align" bash -c "
  source '$share/bash-completion/completions/facet-cli'
  COMP_WORDS=(facet-cli al); COMP_CWORD=1; _facet_cli; echo \"\${COMPREPLY[*]}\"; [ \"\${COMPREPLY[*]}\" = align ]"
command -v zsh > /dev/null && check "zsh completion parses" zsh -n "$share/zsh/vendor-completions/_facet-cli"
for page in facet facet-cli facet-fetch-models; do
  check "man $page: renders, without groff warnings" bash -c "
    MANWIDTH=100 man --warnings -E UTF-8 -l '$share/man/man1/$page.1.gz' 2>&1 > '$scratch/$page.txt' |
      tee /dev/stderr | grep -q . && exit 1
    head -n 8 '$scratch/$page.txt'"
done
grep -q 'facet-cli align' "$scratch/facet-cli.txt" && pass "facet-cli(1) holds each command's help" \
  || fail "facet-cli(1) lacks the commands"
grep -q -- '--lang' "$scratch/facet.txt" && pass "facet(1) documents --lang" || fail "facet(1) lacks --lang"
check "desktop-file-validate" desktop-file-validate "$share/applications/facet.desktop"
check "appstreamcli validate" appstreamcli validate --no-net "$share/metainfo/io.github.facet.Facet.metainfo.xml"
cp -r "$share/mime" "$scratch/mime-data"
check "update-mime-database: *.facet is a Facet session" bash -c "
  XDG_DATA_DIRS='$scratch' update-mime-database '$scratch/mime-data' && mv '$scratch/mime-data' '$scratch/mime' &&
  XDG_DATA_DIRS='$scratch' update-mime-database '$scratch/mime' && grep 'x-facet-session' '$scratch/mime/globs'"

step "the editor under Xvfb"
# --screenshot saves the window once models have loaded (here: failed to, none are installed) and quits;
# --quit-after-ms is the safety net.
for lang in ko en; do
  shot="$out/editor-$lang.png"
  check "facet --lang $lang with the sample photo" timeout 180 xvfb-run -a -s "-screen 0 1400x900x24" \
    "$bin/facet" --lang "$lang" --screenshot "$shot" --quit-after-ms 120000 "$share/facet/astronaut.png"
  [ -s "$shot" ] && pass "screenshot $shot" || fail "no screenshot $shot"
done
if [ -s "$out/editor-ko.png" ] && [ -s "$out/editor-en.png" ]; then
  cmp -s "$out/editor-ko.png" "$out/editor-en.png" && fail "the Korean and English windows look the same" \
    || pass "the Korean window differs from the English one"
fi

step "lintian"
lintian -I --allow-root "$deb" > "$out/lintian.txt" 2>&1
lintian_status=$?
sed 's/^/     /' "$out/lintian.txt"
errors="$(grep -c '^E:' "$out/lintian.txt")"
warnings="$(grep -c '^W:' "$out/lintian.txt")"
[ "$lintian_status" -eq 0 ] && [ "$errors" -eq 0 ] && pass "lintian: no errors, $warnings warning(s)" \
  || fail "lintian: $errors error(s), $warnings warning(s) (exit $lintian_status)"

step "summary"
echo "screenshots, aligned sample and lintian's report: $out"
if [ "$failures" -eq 0 ]; then echo "package check passed"; else echo "package check: $failures failure(s)"; fi
[ "$failures" -eq 0 ]
