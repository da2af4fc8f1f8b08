# officer_desk — the two commands a fresh Linux machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

.PHONY: run test lint bench screenshots clean translations update-translations package package-check

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $@

## Compile the translations (resources/i18n/*.ts -> .qm beside them; the .qm are not committed).
QM := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))
translations: $(QM)

resources/i18n/%.qm: resources/i18n/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent -removeidentical $< -qm $@

## After changing user-visible text: refresh the .ts sources (then translate the new entries).
update-translations: $(STAMP)
	$(BIN)/python tools/i18n/update.py

## Open the app on a local store in the platform data dir, filled with demo data on first run.
run: $(STAMP) translations
	$(BIN)/officer-desk --demo

## Install test dependencies and run the whole suite offscreen; then the share of the app's lines
## the suite ran, which may not fall below the floor in pyproject.toml ([tool.coverage.report]).
test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m coverage run -m pytest
	@$(BIN)/python -m coverage report --format=total >/dev/null || \
	  { $(BIN)/python -m coverage report --skip-covered --sort=cover | tail -25; exit 1; }
	@echo "Coverage: $$($(BIN)/python -m coverage report --format=total --fail-under=0)% of officer_desk's lines ran (floor: pyproject.toml)"

lint: $(STAMP)
	$(BIN)/ruff check officer_desk tests benchmarks
	$(BIN)/mypy officer_desk
	$(BIN)/lint-imports --no-cache

bench: $(STAMP)
	$(BIN)/python benchmarks/seed_bench.py
	$(BIN)/python benchmarks/startup_bench.py

## Every self-test screen in English and Norwegian, light, dark and high contrast: build/screenshots/<set>/.
screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py --out build/screenshots

## Build the one-folder app into dist/officer-desk/ with PyInstaller (packaging/README.md).
PACKAGE_STAMP := $(VENV)/.package-$(shell cksum pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,package]"
	rm -f $(VENV)/.package-*
	touch $@

package: $(PACKAGE_STAMP) translations
	$(BIN)/python packaging/pyinstaller/build.py

## Build the app, then check it: its Qt libraries, desktop files, and --self-test on demo data.
package-check: package
	$(BIN)/python packaging/pyinstaller/check.py

clean:
	rm -rf $(VENV) build dist *.egg-info
