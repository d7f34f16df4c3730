# The two commands a new user needs: `make ask Q="..."` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
Q ?= What happened to the Russian embassy in Damascus?
# llama.cpp is compiled for what every x86-64 laptop of the last decade has (AVX2, FMA, F16C), not for the
# building CPU: a native build used AMX tiles on a Xeon that lists them and crashed there (SIGSEGV in
# ggml_backend_amx_mul_mat), and pip's wheel cache would carry a native build to another machine.
LLAMA_CMAKE_ARGS ?= -DLLAVA_BUILD=OFF $(if $(filter x86_64 amd64,$(shell uname -m)),-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON)

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: setup chat ask ingest test unit integration eval bench bench-scale chroma browser clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/pip install --quiet --no-cache-dir "$$(grep -o 'llama-cpp-python==[0-9.]*' pyproject.toml)"
	$(BIN)/pip install --quiet -e '.[ui,local,backends,test]'
	$(BIN)/python -m assistant.onnx_embedder
	$(BIN)/python -m assistant.local_model
	touch $@

ingest: setup
	$(BIN)/assistant ingest corpus/ --prune

chat: ingest
	$(BIN)/assistant chat --host 127.0.0.1 --port 7860

# The vectors as a Chroma server on 127.0.0.1:8000 (then: export ASSISTANT_CHROMA_URL=http://127.0.0.1:8000).
chroma: setup
	$(BIN)/assistant chroma --host 127.0.0.1 --port 8000

ask: ingest
	$(BIN)/assistant ask "$(Q)"

eval: setup
	$(BIN)/assistant eval --generator extractive --no-baselines

# Debian's chromium for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

test: setup browser
	$(BIN)/python -m pytest -q

unit: setup
	$(BIN)/python -m pytest -q -m "not integration"

integration: setup
	$(BIN)/python -m pytest -q -m integration

bench: setup
	$(BIN)/python eval/bench_ingest.py

bench-scale: setup
	$(BIN)/python eval/bench_scale.py

clean:
	rm -rf $(VENV) .assistant-data
