#!/bin/sh
# Bash completion (issue 18): the script the Makefile makes, loaded in a
# real bash, completes tools' verbs, options and enumerated values from
# the tables the tools parse with; files where a file goes.
. "$(dirname "$0")/lib.sh"

script=$EDU_BIN/../edu.bash
if ! command -v bash >/dev/null; then
	t_skip "completion in bash" "bash is not installed"
	done_testing
	exit
fi
t_exit 0 "the Makefile made the completion script" test -s "$script"

# comp LINE [WORD...]: what bash would offer with the cursor at the end of
# LINE; COMP_WORDS are the WORDs when given (bash splits at "="), else
# LINE's words.  One candidate a line, sorted.
comp() {
	bash -c '. "$1"; line=$2; shift 2
		if [ $# -gt 0 ]; then COMP_WORDS=("$@"); else read -ra COMP_WORDS <<<"$line"; fi
		case $line in *" ") COMP_WORDS+=("") ;; esac
		COMP_LINE=$line COMP_POINT=${#line} COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		_edu_complete "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}" | sort' sh "$script" "$@"
}
list() { printf '%s\n' "$@" | sort; }

t_eq "complete -p edu-enroll" "$(bash -c '. "$1"; complete -p edu-enroll' sh "$script")" \
	"complete -o default -F _edu_complete edu-enroll"
t_eq "... and every tool" "$(bash -c '. "$1"; complete -p' sh "$script" | awk '{ print $NF }' | sort | tr '\n' ' ')" \
	"$(cd "$top/cmd" && ls edu-*.c | sed 's/\.c$//' | sort | tr '\n' ' ')"

t_eq "the verbs of edu-enroll starting with 'gr'" "$(comp 'edu-enroll gr')" "graduate"
t_eq "edu-db's verbs, a two-word verb's first word once" "$(comp 'edu-db ')" \
	"$(list backup calendar check config init log migrate query runs user)"
t_eq "the second word of a two-word verb" "$(comp 'edu-db calendar ')" "$(list check due import list)"
t_eq "... after common options" "$(comp 'edu-db -q --db x.db calendar i')" "import"
t_eq "a verb's options" "$(comp 'edu-cert verify --')" \
	"$(list --db --dry-run --encoding --excel --format --help --id --name --on --quiet --usage --version)"
t_eq "an import's options include --upsert" "$(comp 'edu-school import --u')" "$(list --upsert --usage)"
t_eq "an enumerated option's values" "$(comp 'edu-cert issue --kind ')" "$(list junior senior teacher vocational)"
t_eq "... by prefix" "$(comp 'edu-cert issue --kind te')" "teacher"
t_eq "--format's values, after -f" "$(comp 'edu-school list -f t')" "$(list table tsv)"
t_eq "--format=VALUE, split by bash at =" "$(comp 'edu-school list --format=j' edu-school list --format = j)" "json"
t_eq "--format= with nothing after it" "$(comp 'edu-school list --format=' edu-school list --format =)" \
	"$(list csv json table tsv xlsx)"
t_eq "--encoding's values" "$(comp 'edu-enroll -e ')" "$(list gb18030 utf-8)"
t_eq "where a file goes: nothing (bash offers files)" "$(comp 'edu-school import ')" ""
t_eq "the value of --db: nothing (a file)" "$(comp 'edu-school --db ')" ""
t_eq "a word that is no verb's start" "$(comp 'edu-school zz')" ""

# A verb added to a table is offered without touching the script: the
# candidates are the ones --help lists.
helpverbs=$(edu-doc --help | sed -n '/^Verbs:/,/^$/p' | sed -n 's/^  \([a-z-]*\).*/\1/p' | sort -u)
t_eq "edu-doc offers the verbs its --help lists" "$(comp 'edu-doc ')" "$helpverbs"
done_testing
