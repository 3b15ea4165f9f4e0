# CityPress: `make site` builds the tool and writes Public/ from Content/; `make test` runs every test.
SWIFT      ?= swift
CONFIG     ?= release
SCRATCH    ?= .build
BIN        := $(SCRATCH)/$(CONFIG)/citypress
BUILDFLAGS := -c $(CONFIG) --scratch-path $(SCRATCH)

.PHONY: site test build deps clean print-deps

site: build
	$(BIN) build --content Content --templates Templates --output Public

build: deps
	$(SWIFT) build $(BUILDFLAGS) --product citypress

test: deps
	$(SWIFT) test --scratch-path $(SCRATCH)

# libcmark is the one system library CityPress links. Install it when pkg-config cannot find it.
deps:
	@./scripts/ensure-deps.sh

clean:
	rm -rf $(SCRATCH)
