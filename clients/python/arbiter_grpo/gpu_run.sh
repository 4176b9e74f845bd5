#!/usr/bin/env bash
# GPU bench of the GRPO trainer (gpu_run.py --help); PYTHON picks the interpreter that has torch with CUDA.
exec "${PYTHON:-python3}" "$(dirname "$0")/gpu_run.py" "$@"
