#!/bin/sh
# A quick run of the stress tests' machinery (tests/stress, `make
# stress`), small enough for `make check`: two kills of short writes,
# eight writers of ten changes each.  The full figures are make stress's.
. "$(dirname "$0")/lib.sh"
gen=$(dirname "$EDU_BIN")/bench/gen-students
if [ ! -x "$gen" ]; then
	t_skip "stress smoke" "no $gen (make check builds it)"
	done_testing; exit
fi
smoke() {
	desc=$1; shift
	env EDU_GEN_STUDENTS="$gen" EDU_STRESS_FIGURES= "$@" >smoke.out 2>&1
	rc=$?
	if [ $rc -eq 0 ] && ! grep -q '^not ok' smoke.out && grep -q '^1\.\.' smoke.out; then
		t_pass "$desc ($(grep -c '^ok' smoke.out) checks)"
	else
		t_fail "$desc" "$(grep -A3 '^not ok' smoke.out | head -20)" "exit $rc"
	fi
}
smoke "crash: killed writes leave before or after" \
	STRESS_TRIALS=2 STRESS_STUDENTS=2000 STRESS_CASES=200 sh "$top/tests/stress/crash.t"
smoke "concurrency: eight writers at once" STRESS_CHANGES=10 sh "$top/tests/stress/concurrency.t"
done_testing
