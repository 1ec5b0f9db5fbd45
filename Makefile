# Two commands for everything: `make lab` (set up and open the course) and `make test`.
# Both create .venv with the Python found as PYTHON (3.10 or newer) the first time.

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8888
BIN := $(VENV)/bin
PY := $(BIN)/python
# CONSTRAINTS=file: a pip constraints file for every install into $(VENV) (CI's lowest-versions
# run uses constraints/lowest.txt).
CONSTRAINTS ?=
PIP := $(PY) -m pip install --disable-pip-version-check --quiet $(if $(CONSTRAINTS),-c $(CONSTRAINTS))
# Lesson 8 needs TensorFlow (`make tensorflow`); without it nbval leaves that notebook out.
NO_TF = $(shell $(PY) -c "import importlib.util as u, sys; sys.exit(u.find_spec('tensorflow') is None)" \
	2>/dev/null || echo --ignore=notebooks/08_tensorflow.ipynb)
NBVAL = $(PY) -m pytest --nbval notebooks $(NO_TF) --nbval-sanitize-with tests/nbval_sanitize.cfg \
	-p no:cacheprovider -n auto --dist loadfile

# No display (a server, a container, CI): print the URL instead of opening a browser.
HAS_DISPLAY := $(or $(DISPLAY),$(WAYLAND_DISPLAY),$(filter Darwin,$(shell uname -s)))
LAB_FLAGS := --port=$(PORT) $(if $(HAS_DISPLAY),,--no-browser) \
	$(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab test lint unit nbval nbval-kernels tensorflow notebooks test-browser benchmarks binder-check clean help

help:
	@echo "make lab            set up .venv and open the course in JupyterLab (PORT=$(PORT))"
	@echo "make test           set up .venv with the test tools; lint, unit tests, nbval"
	@echo "make nbval-kernels  every notebook again under other OpenBLAS and NumPy kernels"
	@echo "make tensorflow     install TensorFlow into .venv for lesson 8 (optional, ~1.3 GB)"
	@echo "make notebooks      re-execute every notebook and store it (NB=path for one)"
	@echo "make test-browser   run every notebook in headless Chromium (JupyterLab, Notebook 7)"
	@echo "make benchmarks     print the performance tables"

$(PY):
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 10), "Python 3.10 or newer is needed, this is " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.course: requirements.txt pyproject.toml $(CONSTRAINTS) | $(PY)
	$(PIP) -r requirements.txt
	@touch $@

$(VENV)/.tests: $(VENV)/.course requirements-test.txt
	$(PIP) -r requirements-test.txt
	@touch $@

# Lesson 8 only: TensorFlow's CPU build; the rest of the course does not need it.
$(VENV)/.tensorflow: requirements-tensorflow.txt | $(VENV)/.course
	$(PIP) -r requirements-tensorflow.txt
	@touch $@

tensorflow: $(VENV)/.tensorflow

lab: $(VENV)/.course
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb $(LAB_FLAGS)

test: lint unit nbval

lint: $(VENV)/.tests
	$(BIN)/ruff check lesson_lib tests notebooks scripts benchmarks

# -n auto: one test process per core (pytest-xdist); --dist loadfile keeps each file's tests
# (and each notebook's cells) together and in order on one process.
unit: $(VENV)/.tests
	$(PY) -m pytest tests --ignore=tests/browser -n auto --dist loadfile

nbval: $(VENV)/.tests
	@$(if $(NO_TF),echo "nbval: lesson 8 left out; TensorFlow is not installed (make tensorflow)",true)
	$(NBVAL)

# The stored outputs must not depend on which compute kernels the machine picks: every
# notebook again with OpenBLAS forced to its Haswell and then its Sandybridge kernels, and
# with NumPy's AVX-512 loops switched off. Each run starts with OPENBLAS_CORETYPE and
# OPENBLAS_L2_SIZE unset, whatever the machine sets; all three run, then any failure is named.
# Lesson 8 is left out: TensorFlow computes with its own kernels, not OpenBLAS or NumPy's.
KERNELS := "OPENBLAS_CORETYPE=Haswell" "OPENBLAS_CORETYPE=Sandybridge" \
	"NPY_DISABLE_CPU_FEATURES=X86_V4 AVX512_ICL"

nbval-kernels: $(VENV)/.tests
	@failed=; for setting in $(KERNELS); do \
		echo "nbval with $$setting"; \
		env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$$setting" $(NBVAL) \
			--ignore=notebooks/08_tensorflow.ipynb \
			|| failed="$$failed  [$$setting]"; \
	done; \
	if [ -n "$$failed" ]; then echo "nbval-kernels: notebooks differ under$$failed"; exit 1; fi; \
	echo "nbval-kernels: every notebook matches under all three settings"

notebooks: $(VENV)/.tests
	$(PY) scripts/store_notebooks.py $(NB)

test-browser: $(VENV)/.tests
	$(PY) -m pip install --disable-pip-version-check --quiet -r tests/browser/requirements.txt
	$(PY) -m pytest tests/browser -p no:cacheprovider

benchmarks: $(VENV)/.tests
	@for script in benchmarks/bench_*.py; do $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) .ruff_cache .hypothesis

# --- The course website, JupyterLite and hub links (issue 13) ----------------------------
# `make site-assets` is the only step that uses the network (npm: MathJax, Pyodide's package
# list; pip: the wheels JupyterLite bundles); `make site` and `make lite` then build offline.
# The tools are in requirements-site.txt, so `make lab` stays light.
.PHONY: site lite site-assets pyodide-check test-site

$(VENV)/.site: $(VENV)/.course requirements-site.txt
	$(PIP) -r requirements-site.txt
	@touch $@

site-assets: $(VENV)/.site
	$(PY) scripts/fetch_site_assets.py

build/vendor/pyodide-lock.json:
	$(MAKE) site-assets

site: $(VENV)/.site build/vendor/pyodide-lock.json
	$(PY) scripts/build_site.py

lite: $(VENV)/.site build/vendor/pyodide-lock.json
	$(PY) scripts/build_lite.py

pyodide-check: $(VENV)/.site build/vendor/pyodide-lock.json
	$(PY) scripts/check_pyodide.py

# Serves build/ on 127.0.0.1 and opens both sites in Debian's headless Chromium; runs
# nbgitpuller against a file:// clone. Run `make site lite` first.
test-site: $(VENV)/.site $(VENV)/.tests
	COURSE_SITE_TESTS=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(PY) -m pytest tests/site -p no:cacheprovider
