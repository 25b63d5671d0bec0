# Makefile: builds, tests, runs and installs MyStudentBot. See LICENSE.
#
#   make            the three programs in bin/
#   make asan       the same, with AddressSanitizer + UBSan, in build/asan/bin
#   make test       missing Debian packages, both builds, unit + integration tests
#   make run        the local stack in the foreground (PostgreSQL, nginx, FastCGI, reminders)
#   make fuzz       every libFuzzer target for FUZZ_SECONDS each
#   make install PREFIX=... DESTDIR=...
include config.mk

OUT     ?= build/plain
BINDIR  ?= bin
ifdef SANITIZE
FINAL_CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
FINAL_LDFLAGS += -fsanitize=$(SANITIZE)
endif

# Every C file under lib/ is part of the library: a new module needs no Makefile edit.
LIB_SRC  := $(sort $(wildcard lib/*/*.c))
GEN_SRC  := build/gen/migrations.c
LIB_OBJ  := $(patsubst %.c,$(OUT)/%.o,$(LIB_SRC)) $(OUT)/gen/migrations.o
LIBA     := $(OUT)/libmsb.a
FCGI_OBJ := $(patsubst %.c,$(OUT)/%.o,$(sort $(wildcard fcgi/*.c)))
CRON_OBJ := $(patsubst %.c,$(OUT)/%.o,$(sort $(wildcard cron/*.c)))
CLI_OBJ  := $(patsubst %.c,$(OUT)/%.o,$(sort $(wildcard cli/*.c)))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(patsubst tests/unit/%.c,$(OUT)/utest/%,$(UNIT_SRC))
PROGS    := $(BINDIR)/mystudentbot-fcgi $(BINDIR)/mystudentbot-remind $(BINDIR)/mystudentbot

all: $(PROGS)

# Quiet by default, kbuild-style; `make V=1` shows the commands.
V ?= 0
ifeq ($(V),0)
Q = @
endif

$(OUT)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(FINAL_CFLAGS) -MMD -MP -c -o $@ $<

# Migrations are compiled into the programs, so `mystudentbot migrate` needs no files at run time.
$(GEN_SRC): $(sort $(wildcard sql/[0-9]*.sql)) scripts/embed-sql.sh
	@mkdir -p $(dir $@)
	sh scripts/embed-sql.sh $(sort $(wildcard sql/[0-9]*.sql)) > $@.tmp && mv $@.tmp $@

$(OUT)/gen/migrations.o: $(GEN_SRC)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(FINAL_CFLAGS) -c -o $@ $<

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	$(Q)$(AR) rcs $@ $^

$(BINDIR)/mystudentbot-fcgi: $(FCGI_OBJ) $(LIBA)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $^ $(FINAL_LIBS)

$(BINDIR)/mystudentbot-remind: $(CRON_OBJ) $(LIBA)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $^ $(FINAL_LIBS)

$(BINDIR)/mystudentbot: $(CLI_OBJ) $(LIBA)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $^ $(FINAL_LIBS)

$(OUT)/utest/%: $(OUT)/tests/unit/%.o $(LIBA)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $^ $(FINAL_LIBS) -lcmocka

unit-bins: $(UNIT_BIN)

UNIT_OBJ := $(patsubst %.c,$(OUT)/%.o,$(UNIT_SRC))
-include $(LIB_OBJ:.o=.d) $(FCGI_OBJ:.o=.d) $(CRON_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)

# Unit-test objects are intermediate files to make; keep them so a rebuild is incremental.
.SECONDARY: $(UNIT_OBJ)

asan:
	$(MAKE) OUT=build/asan BINDIR=build/asan/bin SANITIZE=address,undefined OPT='-O1 -g' all unit-bins

deps:
	sh scripts/deps.sh

test: deps
	$(MAKE) all unit-bins
	$(MAKE) asan
	sh tests/run.sh

run: deps all
	sh scripts/run-local.sh

fuzz: deps
	sh tests/fuzz/run.sh

bench: deps all
	sh bench/run

install: all
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/mystudentbot/sql" \
	    "$(DESTDIR)$(PREFIX)/share/mystudentbot/nginx" "$(DESTDIR)$(PREFIX)/share/mystudentbot/cron" \
	    "$(DESTDIR)$(PREFIX)/etc"
	install -m 755 $(PROGS) "$(DESTDIR)$(PREFIX)/bin"
	install -m 644 sql/*.sql "$(DESTDIR)$(PREFIX)/share/mystudentbot/sql"
	install -m 644 nginx/mystudentbot.conf nginx/*.service "$(DESTDIR)$(PREFIX)/share/mystudentbot/nginx" 2>/dev/null || \
	    install -m 644 nginx/mystudentbot.conf "$(DESTDIR)$(PREFIX)/share/mystudentbot/nginx"
	install -m 644 cron/crontab "$(DESTDIR)$(PREFIX)/share/mystudentbot/cron"
	install -m 600 docs/mystudentbot.conf.sample "$(DESTDIR)$(PREFIX)/etc/mystudentbot.conf.sample"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/mystudentbot-fcgi" "$(DESTDIR)$(PREFIX)/bin/mystudentbot-remind" \
	    "$(DESTDIR)$(PREFIX)/bin/mystudentbot" "$(DESTDIR)$(PREFIX)/etc/mystudentbot.conf.sample"
	rm -rf "$(DESTDIR)$(PREFIX)/share/mystudentbot"

clean:
	rm -rf build bin tests/out

.PHONY: all asan deps test run fuzz bench install uninstall clean unit-bins
