# CityPress: `make site` builds the tool and writes Public/ from Content/; `make test` runs every test.
SWIFT      ?= swift
CONFIG     ?= release
SCRATCH    ?= .build
BIN        := $(SCRATCH)/$(CONFIG)/citypress
# Release builds on Linux link the Swift runtime into the binary: one self-contained file, which
# starts in half the time (the seed site builds in ~20 ms instead of ~35 ms; see README).
ifeq ($(CONFIG)-$(shell uname -s),release-Linux)
STATIC     := --static-swift-stdlib
endif
BUILDFLAGS := -c $(CONFIG) --scratch-path $(SCRATCH) $(STATIC)

.PHONY: site test build bench deps clean

site: build
	$(BIN) build --content Content --templates Templates --output Public

build: deps
	$(SWIFT) build $(BUILDFLAGS) --product citypress

test: deps
	$(SWIFT) test --scratch-path $(SCRATCH)

# Release build, then synthetic sites of 1000 and 10000 cities: pages/s, MiB/s, wall, CPU, peak RSS.
BENCH_SIZES ?= 1000 10000
bench: build
	python3 bench/run.py $(BENCH_SIZES) --binary $(BIN)

# libcmark is the one system library CityPress links. Install it when pkg-config cannot find it.
deps:
	@./scripts/ensure-deps.sh

clean:
	rm -rf $(SCRATCH)

# Installs one stripped release binary (the default templates are inside it, for `citypress init`),
# shell completions for bash, zsh and fish, and the man page, below $(DESTDIR)$(PREFIX).
PREFIX     ?= /usr/local
DESTDIR    ?=
STRIP      ?= strip
# swift-argument-parser's man page generator: what its generate-manual plugin runs, built directly because
# the plugin would make a second release build of every product (without the static runtime) to find ours.
MANUAL_TOOL := $(SCRATCH)/$(CONFIG)/generate-manual
INSTALL_BIN  = $(DESTDIR)$(PREFIX)/bin
INSTALL_DATA = $(DESTDIR)$(PREFIX)/share

.PHONY: install uninstall embed-templates check-a11y check-search

install: build
	$(SWIFT) build $(BUILDFLAGS) --product generate-manual
	install -d "$(INSTALL_BIN)" "$(INSTALL_DATA)/man/man1" "$(INSTALL_DATA)/bash-completion/completions" \
		"$(INSTALL_DATA)/zsh/site-functions" "$(INSTALL_DATA)/fish/vendor_completions.d"
	install -m 755 "$(BIN)" "$(INSTALL_BIN)/citypress"
	$(STRIP) "$(INSTALL_BIN)/citypress"
	"$(INSTALL_BIN)/citypress" --generate-completion-script bash > "$(INSTALL_DATA)/bash-completion/completions/citypress"
	"$(INSTALL_BIN)/citypress" --generate-completion-script zsh > "$(INSTALL_DATA)/zsh/site-functions/_citypress"
	"$(INSTALL_BIN)/citypress" --generate-completion-script fish > "$(INSTALL_DATA)/fish/vendor_completions.d/citypress.fish"
	"$(MANUAL_TOOL)" "$(INSTALL_BIN)/citypress" --output-directory "$(INSTALL_DATA)/man/man1"
	@echo "Installed $(INSTALL_BIN)/citypress ($$(du -h "$(INSTALL_BIN)/citypress" | cut -f1)), its completions and man page"

uninstall:
	rm -f "$(INSTALL_BIN)/citypress" "$(INSTALL_DATA)/man/man1/citypress.1" \
		"$(INSTALL_DATA)/bash-completion/completions/citypress" "$(INSTALL_DATA)/zsh/site-functions/_citypress" \
		"$(INSTALL_DATA)/fish/vendor_completions.d/citypress.fish"

# Copies Templates/ into the binary (Sources/CityPressScaffold/DefaultTemplates.swift) for `citypress init`.
# Run it after every change to Templates/; EmbeddedTemplatesTests fails until you do.
embed-templates:
	./scripts/embed-templates.sh

# Nu Html Checker and axe-core on every page of Public/, of the fixture site (with its French and Arabic translations
# and its French and Arabic trees, `languages: [fr, ar]`), of the fixture site written in French (with an Arabic tree)
# and in Arabic (with a French tree), and of a new `citypress init` site.
A11Y_TMP ?= /tmp/citypress-a11y
check-a11y: site
	bash scripts/a11y/install.sh
	rm -rf "$(A11Y_TMP)" && mkdir -p "$(A11Y_TMP)"
	$(BIN) build --quiet --content Tests/Fixtures/site/Content --templates Templates --output "$(A11Y_TMP)/fixture" \
		--base-url https://example.org/
	for lang in fr ar; do \
		rm -rf "$(A11Y_TMP)/content-$$lang" && cp -R Tests/Fixtures/site/Content "$(A11Y_TMP)/content-$$lang" && \
		rm -rf "$(A11Y_TMP)/content-$$lang/translations/$$lang" && \
		other=$$( [ $$lang = fr ] && echo ar || echo fr ) && \
		sed -e "s/^language: .*/language: $$lang/" -e "s/^languages: .*/languages: [$$other]/" \
			Tests/Fixtures/site/Content/site.yml > "$(A11Y_TMP)/content-$$lang/site.yml" && \
		$(BIN) build --quiet --content "$(A11Y_TMP)/content-$$lang" --templates Templates --output "$(A11Y_TMP)/fixture-$$lang" \
			--base-url https://example.org/ || exit 1; \
	done
	$(BIN) init "$(A11Y_TMP)/starter" > /dev/null
	cd "$(A11Y_TMP)/starter" && "$(CURDIR)/$(BIN)" build --quiet
	python3 scripts/a11y/check.py Public "$(A11Y_TMP)/fixture" "$(A11Y_TMP)/fixture-fr" "$(A11Y_TMP)/fixture-ar" "$(A11Y_TMP)/starter/Public"

# Seeded fuzzing of the loader, resolver, template parser/checker, renderer and page check with mutated fixture files
# and templates, each case in a worker process (a trap is seen); findings are saved in .fuzz/. See README.
FUZZ_SECONDS ?= 60
FUZZ_SEED    ?= 1
FUZZ_CONFIG  ?= debug
.PHONY: fuzz
fuzz: deps
	$(SWIFT) build -c $(FUZZ_CONFIG) --scratch-path $(SCRATCH) --product citypress-fuzz
	$(SCRATCH)/$(FUZZ_CONFIG)/citypress-fuzz --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED)

# The preview under load while it rebuilds: clients on 127.0.0.1 for LOAD_SECONDS while a city file comes and
# goes every 200 ms; fails on a 5xx, a cut body, a page linking what its build lacks, or RSS growth over 20 %.
LOAD_SECONDS ?= 30
LOAD_CONFIG  ?= debug
.PHONY: load-test
load-test: deps
	$(SWIFT) build -c $(LOAD_CONFIG) --scratch-path $(SCRATCH) --product citypress
	python3 bench/preview_load.py --binary $(SCRATCH)/$(LOAD_CONFIG)/citypress --seconds $(LOAD_SECONDS)

# The search page and the cities filter in headless Chromium (selenium, from scripts/a11y/install.sh), on the
# fixture site served under a subpath and built --portable and opened from file://. `swift test` runs the same
# script when scripts/a11y/.venv, chromium and chromedriver are there, and reports it skipped when not.
SEARCH_TMP ?= /tmp/citypress-search
check-search: build
	bash scripts/a11y/install.sh
	rm -rf "$(SEARCH_TMP)" && mkdir -p "$(SEARCH_TMP)"
	$(BIN) build --quiet --content Tests/Fixtures/site/Content --templates Templates --output "$(SEARCH_TMP)/web"
	$(BIN) build --quiet --portable --content Tests/Fixtures/site/Content --templates Templates --output "$(SEARCH_TMP)/portable"
	cp -R Tests/Fixtures/site/Content "$(SEARCH_TMP)/many-content"
	for n in $$(seq 1 60); do printf 'name: Testtown %s\ncountry: Poland\n' $$n > "$(SEARCH_TMP)/many-content/cities/testtown-$$n.yml"; done
	$(BIN) build --quiet --content "$(SEARCH_TMP)/many-content" --templates Templates --output "$(SEARCH_TMP)/many" 2> /dev/null
	python3 scripts/search/check_search.py "$(SEARCH_TMP)/web" "$(SEARCH_TMP)/portable" --many "$(SEARCH_TMP)/many"
