# The two commands a newcomer needs:  make build  and  make test.
# Each sets up what it needs (virtual environment, pinned packages, fonts, Tesseract for
# the OCR of scanned back issues) and is quick when that is already done.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
FONTS  := .cache/fonts/.provisioned
# the print edition's default output profile (made once from Debian's FOGRA39 data)
PROFILE := .cache/profiles/FOGRA39L_coated.icc
OCR    := .cache/ocr/.provisioned

.PHONY: build test bench lint fonts profiles setup clean

build: setup
	$(BIN)/express build

test: setup
	$(BIN)/python -m pytest -n 2 --dist loadgroup

bench: setup
	$(BIN)/python bench/run.py
	$(BIN)/python bench/archive.py
	$(BIN)/python bench/bench_print.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/latency.py

lint: $(STAMP)
	$(BIN)/ruff check express tests bench issues/make_sample_images.py

setup: $(STAMP) $(FONTS) $(PROFILE) $(OCR)

fonts: $(FONTS)

profiles: $(PROFILE)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

$(FONTS): $(STAMP) templates/pdf/*.yaml
	$(BIN)/express fonts --provision
	touch $@

$(PROFILE): $(STAMP)
	$(BIN)/express profiles --provision
	touch $@

# Tesseract + its Japanese model (Debian packages; installed when root, else the command
# to run is printed and the build works without OCR); retried until it is there
$(OCR): $(STAMP)
	$(BIN)/python -m express.backcatalogue.provision --stamp $@

clean:
	rm -rf build .cache $(VENV)
