# config.mk: what a packager or operator may change. See LICENSE.
PREFIX    ?= /usr/local
DESTDIR   ?=
CC        ?= cc
PKGS       = libpq libcurl yajl gdlib freetype2 fcgi libutf8proc libical
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

# -Werror always: the project builds warning-free or not at all.
WARN       = -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
             -Wwrite-strings -Wshadow -Wno-unused-parameter
STD        = -std=c11 -D_GNU_SOURCE
OPT       ?= -O2 -g
# User CFLAGS pass through after ours, as redis composes FINAL_CFLAGS.
FINAL_CFLAGS  = $(STD) $(OPT) $(WARN) -Ilib -Ibuild/gen $(PKG_CFLAGS) \
                -DMSB_LOCAL_VAR='"$(CURDIR)/var"' $(CFLAGS)
FINAL_LDFLAGS = $(LDFLAGS)
FINAL_LIBS    = $(PKG_LIBS) -lm $(LIBS)
