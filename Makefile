# resolint — every target sets itself up through `make install` (idempotent).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
MAPPED := $(VENV)/.model-mapped

.PHONY: install demo test test-fast bench fuzz clean

install: $(STAMP) $(MAPPED)
	@# Byte-compile the project once: with PYTHONDONTWRITEBYTECODE set, Python would compile it on every run.
	@$(BIN)/python -m compileall -q linter tui rules

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# The segmentation model comes from the pkuseg sdist; reading its metadata needs Cython and wheel.
	$(BIN)/python -m pip install --quiet cython wheel
	$(BIN)/python -m linter.commands.model_install
	@touch $(STAMP)

# The model's memory-mapped form (fast to load); model_install makes it when it is missing or out of date.
$(MAPPED): $(STAMP) linter/commands/model_install.py linter/analyses/pkuseg_mapped.py linter/analyses/string_table.py
	$(BIN)/python -m linter.commands.model_install
	@touch $(MAPPED)

# The demo edits a copy in a temporary folder (a save never dirties the checkout); DEMO_TUI lets a test stand in.
DEMO_DRAFT := examples/ga-68-193.pdf.txt
DEMO_TUI   ?= $(BIN)/resolint tui
demo: install
	@dir=$$(mktemp -d "$${TMPDIR:-/tmp}/resolint-demo.XXXXXX") && cp $(DEMO_DRAFT) "$$dir/" && \
	echo "resolint demo: a copy of $(DEMO_DRAFT) in $$dir (edit and save freely; the checkout is not touched)" && \
	$(DEMO_TUI) "$$dir/$(notdir $(DEMO_DRAFT))" && echo "The demo draft is in $$dir"

test: install
	$(BIN)/python -m pytest

# The pre-commit loop: everything but the TUI, fuzz and subprocess tests (marked slow).
test-fast: install
	$(BIN)/python -m pytest -m 'not slow'

bench: install
	$(BIN)/python bench/run.py

fuzz: install
	RESOLINT_FUZZ_EXAMPLES=20000 RESOLINT_PROPERTY_EXAMPLES=2000 $(BIN)/python -m pytest tests/test_fuzz.py tests/test_properties.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
