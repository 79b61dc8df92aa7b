# briefing: `make site` builds the bundled briefing into site/; `make test` runs every test.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/briefing
DEBUG_BIN := .build/debug/briefing

.PHONY: all site test deps build release check-site bench clean

all: site

# libcmark is the one system library; install it when pkg-config cannot find it.
deps:
	@pkg-config --exists libcmark 2>/dev/null || { \
	  echo "installing libcmark-dev"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config >/dev/null; }

release: deps
	$(SWIFT) build -c release --product briefing

site: release
	$(RELEASE_BIN) build --content content --templates templates --output site

build: deps
	$(SWIFT) build --product briefing

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory check-site

# The committed site/ must be exactly what the current code makes of content/ and templates/.
check-site: build
	@rm -rf .build/site-check && mkdir -p .build/site-check
	$(DEBUG_BIN) build --content content --templates templates --output .build/site-check/site
	@if diff -r --exclude=pagefind .build/site-check/site site >/dev/null; then \
	  echo "site/ is up to date"; \
	else \
	  diff -rq --exclude=pagefind .build/site-check/site site | head -20; \
	  echo "site/ is stale: run 'make site' and commit the result"; exit 1; \
	fi
	$(DEBUG_BIN) check --content content

clean:
	rm -rf .build

# Not part of `make test`: builds a generated corpus (ARTICLES=10000 by default) and, where hugo
# is installed, the same corpus with Hugo, and prints times, pages/s, linking MB/s, peak memory.
ARTICLES ?= 10000
RUNS ?= 3
bench: release
	bench/run.sh $(ARTICLES) $(RUNS)
