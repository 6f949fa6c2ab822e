# geo287 — setup, test and benchmark entry points (the README's contract).
SHELL := /bin/bash
APT_PACKAGES := libgeos-dev libproj-dev libshp-dev libsqlite3-dev zlib1g-dev libssl-dev pkg-config
SWIFT_FLAGS := -Xswiftc -warnings-as-errors

.PHONY: setup deps build release test bench bench-peers bench-polygons maps clean

## setup: install the Debian libraries, build the release binary (.build/release/geo287) and
## warm its derived cache for the default data root (geo287 data index; see README "Derived cache")
setup: deps release
	.build/release/geo287 data index

deps:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES); \
	fi

build:
	swift build $(SWIFT_FLAGS)

## release: the Swift runtime and Foundation linked statically (a process maps 46 shared
## libraries instead of 64: a first run after boot is ~80 ms faster, every run ~10 ms)
release:
	swift build -c release --static-swift-stdlib --product geo287 $(SWIFT_FLAGS)

## test: the whole test suite. It runs on the embedded data root (shapefiles/) alone; with the
## full reference data ($$GEO287_DATA, else ../shared/data) it also runs the tests that need it
## (reported as skipped, with the reason, where that data is absent).
test:
	swift build --build-tests $(SWIFT_FLAGS)
	swift test --skip-build

## bench: the Swift benchmarks (own package in Benchmarks/, release build)
bench:
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark

## bench-peers: geo287 against geopandas, shapely and DuckDB on the same inputs
bench-peers: release
	Benchmarks/peers/run.sh

## maps: regenerate the example maps in docs/ (newest sheet, task force): SVGs go to outputs/,
## the PNGs kept in docs/ are rendered with rsvg-convert (librsvg2-bin) and shrunk with pngquant.
MAP_PNG_WIDTH ?= 975
maps: release
	@for p in librsvg2-bin pngquant; do dpkg -s $$p >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq $$p; }; done
	.build/release/geo287 map --model task-force --out outputs/map-national-task-force.svg
	.build/release/geo287 map --model task-force --state FL --out outputs/map-fl-task-force.svg
	.build/release/geo287 map --model task-force --state TX --out outputs/map-tx-task-force.svg
	.build/release/geo287 map --model task-force --state PA --out outputs/map-pa-task-force.svg
	.build/release/geo287 map --model all --color-by model --out outputs/map-national-by-model.svg
	.build/release/geo287 history --format svg --quiet --out outputs/history.svg
	mkdir -p docs
	for m in map-national-task-force map-fl-task-force map-tx-task-force map-pa-task-force map-national-by-model history; do \
	  rsvg-convert -w $(MAP_PNG_WIDTH) -b white outputs/$$m.svg -o outputs/$$m.png && \
	  pngquant --force --speed 1 --strip 64 --output docs/$$m.png outputs/$$m.png; \
	done
	@ls -l docs/*.png

## bench-polygons: only the place × county area-share workload against geopandas overlay
bench-polygons:
	Benchmarks/peers/run-polygons.sh

clean:
	rm -rf .build
