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

# Long runs of the model-based tests (`make test` runs small profiles of the same tests), in one
# target (docs/reliability.md): the engine's machine with LAKIP_FUZZ=1 (2.500 random sequences of
# 50 steps, 125.000 steps), the recovery machine (1.000 sequences of 30 steps), the UI one, which
# types LAKIP_FUZZ_UI random sequences of 50 keys into the real chapters, and 200 SIGKILLs during
# saves of the huge (6 MB) file. Each prints its counts.
FUZZ_TESTS := tests/test_engine_model.py tests/test_recovery_model.py tests/test_tui_fuzz.py
fuzz: $(STAMP)
	LAKIP_FUZZ=1 LAKIP_FUZZ_UI=$${LAKIP_FUZZ_UI:-500} $(BIN)/python -m pytest -q -s -p no:cacheprovider $(FUZZ_TESTS)
	$(BIN)/python bench/crash_save.py --kills $${LAKIP_FUZZ_KILLS:-200} --size huge

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/reviewers.py

clean:
	rm -rf $(VENV) build *.egg-info
