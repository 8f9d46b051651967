#!/usr/bin/env bash
# Stable-Baselines3 (CPU) for the CartPole benchmark, in a venv cached under
# ${AUTONOMY_CACHE:-~/.cache/autonomy}/venv/sb3-<sb3>-torch<torch>. Made once; prints the venv's path.
#
#   benchmarks/rl/setup-sb3.sh              # then: "$(benchmarks/rl/setup-sb3.sh)/bin/python" ...
#
# PyPI's only Linux x86_64 torch wheel is the CUDA build, and its libraries (libtorch_cpu.so too) link
# the CUDA runtime libraries at load time, so `pip install --no-deps torch` alone fails at `import torch`
# ("libcudart.so.13: cannot open shared object file"). The lightest install that works from PyPI is torch
# with --no-deps plus exactly the nvidia-* wheels its libraries link (pins from torch's own metadata),
# without triton, cuda-bindings, nvtx and cccl, which nothing needs on CPU: 2.74 GB downloaded in all
# (torch's full set alone is 3.0 GB), 4.5 GB on disk, ~50 s here. pip --no-cache-dir: nothing kept twice.
set -euo pipefail
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../testground/lib/common.sh"

SB3_VERSION=2.9.2
TORCH_VERSION=2.15.0
# Installed with their dependencies.
DEPS=(gymnasium==1.4.0 numpy==2.4.6 matplotlib==3.11.2 cloudpickle
      filelock 'typing-extensions>=4.13.0' 'sympy>=1.13.3' 'networkx>=2.5.1' jinja2 'fsspec>=0.8.5')
# Installed with --no-deps: SB3 (it would pull torch's full dependency set), torch, and the CUDA
# libraries that torch 2.15.0's shared objects link (its Requires-Dist, less triton/bindings/nvtx/cccl).
NO_DEPS=("stable-baselines3==$SB3_VERSION" "torch==$TORCH_VERSION"
         nvidia-cuda-runtime==13.2.86 nvidia-cuda-cupti==13.2.86 nvidia-cuda-nvrtc==13.2.86
         nvidia-cublas==13.4.1.3 nvidia-cufft==12.2.0.57 nvidia-cufile==1.17.1.22
         nvidia-cusolver==12.2.0.11 nvidia-cusparse==12.7.10.12 'nvidia-nvjitlink>=13.2.86,<14'
         nvidia-cudnn-cu13==9.26.0.51 nvidia-cusparselt-cu13==0.8.1 nvidia-nccl-cu13==2.30.7
         nvidia-nvshmem-cu13==3.7.2)
PIP=(--disable-pip-version-check --no-input -q --no-cache-dir)

dir="$VENV_DIR/sb3-$SB3_VERSION-torch$TORCH_VERSION"
if [ ! -f "$dir/.done" ]; then
  log "installing stable-baselines3 $SB3_VERSION + torch $TORCH_VERSION (CPU use) into $dir"
  start=$SECONDS
  rm -rf "$dir"; python3 -m venv "$dir"
  "$dir/bin/pip" install "${PIP[@]}" "${DEPS[@]}"
  "$dir/bin/pip" install "${PIP[@]}" --no-deps "${NO_DEPS[@]}"
  "$dir/bin/python" - <<'PY'
import torch, stable_baselines3, gymnasium
y = torch.nn.Linear(4, 2)(torch.zeros(1, 4))
assert y.shape == (1, 2) and not torch.cuda.is_available()
PY
  log "sb3 venv ready in $((SECONDS - start)) s, $(du -sm "$dir" | cut -f1) MB"
  touch "$dir/.done"
fi
echo "$dir"
