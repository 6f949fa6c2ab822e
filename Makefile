# geo287 — setup, test and benchmark entry points (the README's contract).
SHELL := /bin/bash
GEO287_DATA ?= ../shared/data
export GEO287_DATA
APT_PACKAGES := libgeos-dev libproj-dev libshp-dev pkg-config
SWIFT_FLAGS := -Xswiftc -warnings-as-errors

.PHONY: setup deps build release test bench bench-peers bench-polygons clean

## setup: install the Debian libraries and build the release binary (.build/release/geo287)
setup: deps release

deps:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES); \
	fi

build:
	swift build $(SWIFT_FLAGS)

release:
	swift build -c release $(SWIFT_FLAGS)

## test: the whole test suite, on the real data in $(GEO287_DATA)
test:
	swift build --build-tests $(SWIFT_FLAGS)
	swift test --skip-build

## bench: the Swift benchmarks (own package in Benchmarks/, release build)
bench:
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark

## bench-peers: geo287 against geopandas, shapely and DuckDB on the same inputs
bench-peers: release
	Benchmarks/peers/run.sh

## bench-polygons: only the place × county area-share workload against geopandas overlay
bench-polygons:
	Benchmarks/peers/run-polygons.sh

clean:
	rm -rf .build
