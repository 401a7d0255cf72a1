# Everything a fresh clone needs: `make run` and `make test` create the
# virtual environment and install the package on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
GOLD ?= ../shared/dev/gold

.PHONY: install system-deps run test lint score sample golden clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# CJK fonts: the scan renderer (OCR test fixtures) and the notebook's plots need them;
# Debian's Chromium and its driver: the review page's browser tests.
FONT_PKGS := fonts-wqy-zenhei fonts-arphic-uming chromium chromium-driver
system-deps:
	@if dpkg -s $(FONT_PKGS) >/dev/null 2>&1; then echo "system packages present: $(FONT_PKGS)"; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(FONT_PKGS); \
	else echo "missing $(FONT_PKGS): run 'sudo make system-deps' (OCR fixture tests skip without them)"; fi

run: $(STAMP)
	$(BIN)/notices run data/raw --out data/parsed

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests scripts
	$(BIN)/mypy pipeline

score: run
	$(BIN)/python ../shared/tools/score.py $(GOLD) data/parsed

golden: $(STAMP)  ## accept the current extraction output as the golden records (review the diff!)
	NOTICES_REGEN_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden_records.py

sample: $(STAMP)
	$(BIN)/python scripts/make_sample_archive.py

clean:
	rm -rf data/parsed .pytest_cache .mypy_cache .ruff_cache
