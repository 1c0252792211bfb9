#!/usr/bin/env bash
# facet-cli completion bash|zsh: the scripts parse, and bash's completes commands, nested commands and options
# the way a user types them.  completion_test.sh FACET_CLI
set -euo pipefail
export LC_ALL=C  # sorted offers compare the same everywhere
cli="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$cli" completion bash > "$scratch/facet-cli.bash"
"$cli" completion zsh > "$scratch/_facet-cli"
bash -n "$scratch/facet-cli.bash" || fail "the bash script does not parse"
# What zsh offers: the function runs with the completion system's _describe and _files stood in for, printing
# the "name:description" entries that match the typed prefix (as _describe does) or FILES.
zsh_offers() {
  zsh -f -c '_describe() { local e; for e in "${(@P)4}"; do [[ $e == ${PREFIX}* ]] && print -r -- "$e"; done; return 0; }
             _files() { print FILES; }
             CURRENT=$1; PREFIX=$2; shift 2; words=("$@"); source "$0"' "$scratch/_facet-cli" "$@" | cut -d: -f1 |
    sort | tr '\n' ' '
}
zsh_expect() {
  local want="$1"
  shift
  local got
  got="$(zsh_offers "$@")"
  [ "$got" = "$want" ] || fail "zsh: '$*' offers '$got', expected '$want'"
}
if command -v zsh > /dev/null; then
  zsh -n "$scratch/_facet-cli" || fail "the zsh script does not parse"
  zsh_expect "classifier " 3 cl facet-cli train cl
  zsh_expect "--help --json -h " 3 - facet-cli info -
  zsh_expect "FILES " 4 "" facet-cli render --out ""
else
  echo "zsh not installed: its script is checked by content only"
fi
head -n 1 "$scratch/_facet-cli" | grep -qx '#compdef facet-cli' || fail "the zsh script lacks #compdef facet-cli"
grep -q "'info:Show version" "$scratch/_facet-cli" || fail "the zsh script lacks info and its description"

# What bash offers for the words typed so far (the last one is being completed).
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _facet_cli
           (( ${#COMPREPLY[@]} == 0 )) || printf "%s\n" "${COMPREPLY[@]}"' _ "$scratch/facet-cli.bash" "$@" |
    sort | tr '\n' ' '
}
expect() {
  local want="$1"
  shift
  local got
  got="$(complete_words "$@")"
  [ "$got" = "$want" ] || fail "'$*' completes to '$got', expected '$want'"
}
expect "info inspect " facet-cli in
expect "--json " facet-cli info --js
expect "-v " facet-cli -v
expect "classifier " facet-cli train cl
expect "classifier " facet-cli --verbose train cl
expect "--version " facet-cli --vers
expect "--out " facet-cli render --ou
expect "" facet-cli render --out -  # a value follows: bash's own file names (complete -o default)
expect "" facet-cli inspect ""      # a file argument: the same
echo "completion checks done, $failures failure(s)"
[ "$failures" -eq 0 ]
