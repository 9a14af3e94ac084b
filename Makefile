# `make run` and `make test` set up .venv on first use; nothing else needs installing by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE := projects/dinsos-binjai-2024.toml

.PHONY: run test check export bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/lakip $(EXAMPLE)

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/lakip check $(EXAMPLE)

# Long runs of the model-based tests (`make test` runs small profiles of the same tests), one
# target: the engine's machine with LAKIP_FUZZ=1 (2,500 random sequences of 50 steps, 125,000
# steps; docs/reliability.md) and the UI one, which types LAKIP_FUZZ_UI random sequences of 50
# keys into the real chapters.
FUZZ_TESTS := tests/test_engine_model.py tests/test_tui_fuzz.py
fuzz: $(STAMP)
	LAKIP_FUZZ=1 LAKIP_FUZZ_UI=$${LAKIP_FUZZ_UI:-500} $(BIN)/python -m pytest -q -s -p no:cacheprovider $(FUZZ_TESTS)

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/reviewers.py

clean:
	rm -rf $(VENV) build *.egg-info
