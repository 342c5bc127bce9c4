# edu - tools for a city education bureau.  Plain GNU make.
#
#   make            build libedu.a and the tools
#   make check      every test (SANITIZE=1: with ASan and UBSan)
#   make check-office  LibreOffice reads our CSV, its workbooks import
#                   (slow: a minute; skipped without LibreOffice)
#   make demo       build and run the main job on a sample database
#   make install    PREFIX, DESTDIR, BINDIR, MANDIR, BASHCOMPDIR; SETGID=GROUP
#                   SYSTEM_DB: the installed database (an absolute path,
#                   compiled in): the one file a setgid tool opens with
#                   the group's rights, and its default without --db
#   make bench      benchmarks against baselines in the same run
#   make fuzz       libFuzzer targets, FUZZ_TIME seconds each
#   make stress     crash, concurrency, hostile input, access (under 15 min)
#   make memcheck   valgrind over one run of every verb
#   make faults     every write of ten verbs failed once (tests/faults)
#   make deps       install the build dependencies (Debian, as root)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
# bash-completion loads a command's completion from a file of its name.
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
SETGID  ?=
SYSTEM_DB ?= /var/lib/edu/edu.db
CC      ?= cc
CFLAGS  ?= -O2 -g
WERROR  ?=
SANITIZE ?=
FUZZ_TIME ?= 30

ifeq ($(SANITIZE),1)
B := build/san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
B := build/out
SANFLAGS :=
endif

ALL_CFLAGS = -std=gnu11 -Wall -Wextra $(if $(WERROR),-Werror) $(SANFLAGS) -Ilibedu $(CFLAGS)
# Workbooks: libxlsxwriter writes .xlsx; minizip and expat read it;
# freexl reads .xls.  python3-openpyxl and LibreOffice are for the tests.
LIBS = -lsqlite3 -lcsv -lxlsxwriter -lminizip -lexpat -lfreexl -lpthread -lm
DEB_PKGS = build-essential libsqlite3-dev libcsv-dev sqlite3 mandoc clang \
	libxlsxwriter-dev libminizip-dev libexpat1-dev libfreexl-dev \
	python3-openpyxl libreoffice-calc-nogui

TOOLS    = $(sort $(patsubst cmd/%.c,%,$(wildcard cmd/edu-*.c)))
LIB_SRC  = $(wildcard libedu/*.c)
LIB_OBJ  = $(LIB_SRC:libedu/%.c=$(B)/libedu/%.o) $(B)/libedu/schema.o
MIGRATIONS = $(sort $(wildcard libedu/schema/*.sql))
BINS     = $(TOOLS:%=$(B)/bin/%)
UNIT     = $(patsubst tests/unit/%.c,$(B)/unit/%.t,$(wildcard tests/unit/test-*.c))
MANS     = $(wildcard man/*.[157])

.PHONY: FORCE all check check-office demo install uninstall clean bench fuzz stress memcheck faults deps have-deps lint-man
all: $(BINS) $(B)/edu.bash

# Bash completion: a small function that asks the tool itself (its
# hidden --complete reads the verb and option tables), bound to every
# tool of cmd/.
$(B)/edu.bash: libedu/completion.bash.in Makefile $(TOOLS:%=cmd/%.c)
	@mkdir -p $(@D)
	sed 's/@TOOLS@/$(TOOLS)/' libedu/completion.bash.in > $@

$(B)/libedu/%.o: libedu/%.c libedu/edu.h libedu/engine.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The installed database's path goes into priv.o alone; $(B)/SYSTEM_DB
# changes only with the value, so a new value rebuilds that one file.
ifneq ($(filter-out /%,$(SYSTEM_DB))$(findstring ',$(SYSTEM_DB))$(findstring ",$(SYSTEM_DB)),)
$(error SYSTEM_DB must be an absolute path without quotes)
endif
FORCE:
$(B)/SYSTEM_DB: FORCE
	@mkdir -p $(@D)
	@echo '$(SYSTEM_DB)' | cmp -s - $@ || echo '$(SYSTEM_DB)' >$@

$(B)/libedu/priv.o: $(B)/SYSTEM_DB
$(B)/libedu/priv.o: ALL_CFLAGS += -DEDU_SYSTEM_DB='"$(SYSTEM_DB)"'

# The migrations, compiled into the library as C strings, in file order.
$(B)/libedu/schema.c: $(MIGRATIONS) Makefile
	@mkdir -p $(@D)
	@{ echo '/* made by the Makefile from libedu/schema/ */'; \
	   echo 'const char *const edu_migrations[] = {'; \
	   for f in $(MIGRATIONS); do \
	     echo "/* $$f */"; \
	     sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $$f; \
	     echo ','; \
	   done; \
	   echo '};'; \
	   echo 'const int edu_nmigrations = $(words $(MIGRATIONS));'; } > $@

$(B)/libedu/schema.o: $(B)/libedu/schema.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/libedu.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/bin/%: cmd/%.c $(B)/libedu.a libedu/edu.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libedu.a $(LIBS)

$(B)/unit/%.t: tests/unit/%.c tests/unit/tap.h $(B)/libedu.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(B)/libedu.a $(LIBS)

# The libraries must be there before anything builds: as root we install
# them, otherwise we say what to run.
have-deps:
	@if ! printf '#include <sqlite3.h>\n#include <csv.h>\n#include <xlsxwriter.h>\n#include <minizip/unzip.h>\n#include <expat.h>\n#include <freexl.h>\n' | \
	     $(CC) -E -x c - >/dev/null 2>&1 || ! command -v mandoc >/dev/null || \
	     ! command -v sqlite3 >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    $(MAKE) --no-print-directory deps; \
	  else \
	    echo "missing build dependencies; install them with:"; \
	    echo "  sudo apt-get install -y $(DEB_PKGS)"; exit 1; \
	  fi; \
	fi

deps:
	@if [ "$$(id -u)" != 0 ]; then \
	  echo "make deps installs packages and must run as root; instead run:"; \
	  echo "  sudo apt-get install -y $(DEB_PKGS)"; exit 1; fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PKGS)

check: have-deps
	@$(MAKE) --no-print-directory all $(UNIT) $(B)/bench/gen-students
	@sh tests/run $(B) $(UNIT) tests/cli/*.t

# LibreOffice is slow to start: its tests are not in check.
check-office: have-deps
	@$(MAKE) --no-print-directory all
	@sh tests/run $(B) tests/office/*.t

lint-man:
	@for m in $(MANS); do mandoc -Tlint -W warning $$m || exit 1; done

demo: have-deps
	@$(MAKE) --no-print-directory all
	@sh examples/demo.sh $(B)/bin

BENCH_TOOLS = $(B)/bench/gen-students $(B)/bench/runstat
$(B)/bench/%: tests/bench/%.c $(B)/libedu.a libedu/edu.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libedu.a $(LIBS)

bench: have-deps
	@$(MAKE) --no-print-directory all $(BENCH_TOOLS)
	@for b in tests/bench/*.sh; do sh $$b $(B)/bin || exit 1; done

# The stress tests (tests/stress/run): not part of check, which stays fast.
stress: have-deps
	@$(MAKE) --no-print-directory all $(B)/bench/gen-students
	@sh tests/stress/run $(B)

memcheck: have-deps
	@$(MAKE) --no-print-directory all $(B)/bench/gen-students
	@sh tests/run $(B) tests/stress/memcheck.sh

# The fault sweep (tests/faults): a test-only LD_PRELOAD library, never
# installed, over the verbs that write.
$(B)/faults/faultlib.so: tests/faults/faultlib.c
	@mkdir -p $(@D)
	$(CC) -std=gnu11 -Wall -Wextra $(if $(WERROR),-Werror) -O2 -g -fPIC -shared -o $@ $< -ldl

faults: have-deps
	@$(MAKE) --no-print-directory all $(B)/bench/gen-students $(B)/faults/faultlib.so
	@EDU_BIN=$(CURDIR)/$(B)/bin sh tests/faults/sweep.sh $(CURDIR)/$(B)/faults/faultlib.so

FUZZERS = fuzz-csv fuzz-valid fuzz-date fuzz-money fuzz-pattern fuzz-header fuzz-sheet
FUZZ_CFLAGS = -std=gnu11 -Wall -Wextra -g -O1 -Ilibedu -fsanitize=fuzzer,address,undefined
build/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz-file.h $(LIB_SRC) libedu/edu.h $(B)/libedu/schema.c
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) -Werror -o $@ $< $(LIB_SRC) $(B)/libedu/schema.c $(LIBS)

fuzz: have-deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory $(FUZZERS:%=build/fuzz/%)
	@for f in $(FUZZERS); do \
	  mkdir -p build/fuzz/corpus-$$f; \
	  echo "fuzzing $$f for $(FUZZ_TIME) s"; \
	  case $$f in fuzz-sheet) max=16384 ;; *) max=4096 ;; esac; \
	  build/fuzz/$$f -max_total_time=$(FUZZ_TIME) -max_len=$$max \
	    build/fuzz/corpus-$$f tests/fuzz/seed-$${f#fuzz-} 2>build/fuzz/$$f.log || \
	    { tail -40 build/fuzz/$$f.log; exit 1; }; \
	  tail -1 build/fuzz/$$f.log; \
	done

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	for t in $(TOOLS); do \
	  install -m 0755 $(B)/bin/$$t $(DESTDIR)$(BINDIR)/$$t || exit 1; \
	  if [ -n "$(SETGID)" ]; then \
	    chgrp $(SETGID) $(DESTDIR)$(BINDIR)/$$t && \
	    chmod 2755 $(DESTDIR)$(BINDIR)/$$t || exit 1; \
	  fi; \
	done
	for m in $(MANS); do \
	  s=$${m##*.}; install -m 0644 $$m $(DESTDIR)$(MANDIR)/man$$s/ || exit 1; \
	done
	install -d $(DESTDIR)$(BASHCOMPDIR)
	for t in $(TOOLS); do \
	  install -m 0644 $(B)/edu.bash $(DESTDIR)$(BASHCOMPDIR)/$$t || exit 1; \
	done

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/$$t $(DESTDIR)$(BASHCOMPDIR)/$$t; done
	for m in $(MANS); do \
	  s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m#man/}; done

clean:
	rm -rf build
