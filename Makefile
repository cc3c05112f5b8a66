# The two commands a newcomer needs:  make build  and  make test.
# Each sets up what it needs (virtual environment, pinned packages, fonts) and is quick
# when that is already done.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
FONTS  := .cache/fonts/.provisioned

.PHONY: build test bench lint fonts setup clean

build: setup
	$(BIN)/express build

test: setup
	$(BIN)/python -m pytest -n 2 --dist loadgroup

bench: setup
	$(BIN)/python bench/run.py
	$(BIN)/python bench/archive.py
	$(BIN)/python bench/load.py

lint: $(STAMP)
	$(BIN)/ruff check express tests bench issues/make_sample_images.py

setup: $(STAMP) $(FONTS)

fonts: $(FONTS)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

$(FONTS): $(STAMP) templates/pdf/*.yaml
	$(BIN)/express fonts --provision
	touch $@

clean:
	rm -rf build .cache $(VENV)
