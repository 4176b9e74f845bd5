"""GPU run (a bench): the demo's task with a larger model and batch, reporting generated tokens/s and the
fraction of each step spent waiting on Arbiter. Prepared for a machine with CUDA; runs (slowly) without.

    clients/python/arbiter_grpo/gpu_run.sh                       # embedded server (needs node + `npm ci`)
    clients/python/arbiter_grpo/gpu_run.sh --url http://arbiter:8080 --steps 20

Defaults: a 8-layer, 512-wide character transformer (~25M parameters), 64 prompts × G = 16 = 1,024
completions per step, sampled 32 prompts (512 sequences) per batch, each group sent to Arbiter the moment
it ends, micro-batches of 16 groups, a 300-step cold start, ``--grading-threads`` 8 on the embedded server.
Writes ``gpu_run.json`` to ``--out`` (default ``$OUT`` when set, else a temp folder) and prints a summary.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from typing import Any, Dict, List, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_ROOT = os.path.dirname(HERE)
if PACKAGE_ROOT not in sys.path:
    sys.path.insert(0, PACKAGE_ROOT)

import torch  # noqa: E402

from arbiter_client import ArbiterClient  # noqa: E402
from arbiter_grpo.arithmetic import TASK_WORDS, make_problem, worked_completion  # noqa: E402
from arbiter_grpo.demo import summarise, warm_up  # noqa: E402
from arbiter_grpo.supervised import supervised_warmup  # noqa: E402
from arbiter_grpo.template import R1_ZERO_HEAD, R1_ZERO_TAIL, r1_zero_prompt  # noqa: E402
from arbiter_grpo.tiny_lm import CharTokenizer, TinyCausalLM  # noqa: E402
from arbiter_grpo.trainer import GRPOConfig, GRPOTrainer  # noqa: E402


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--max-seconds", type=float, default=240.0, help="stop GRPO after this long (default 240)")
    p.add_argument("--prompts", type=int, default=64)
    p.add_argument("--group-size", type=int, default=16)
    p.add_argument("--d-model", type=int, default=512)
    p.add_argument("--layers", type=int, default=8)
    p.add_argument("--heads", type=int, default=8)
    p.add_argument("--sft-steps", type=int, default=300)
    p.add_argument("--generation-groups", type=int, default=32, help="prompts per batched generation (default 32)")
    p.add_argument("--micro-batch-groups", type=int, default=16)
    p.add_argument("--lr", type=float, default=2e-4)
    p.add_argument("--grading-threads", type=int, default=8, help="ARBITER_THREADS of the embedded server")
    p.add_argument("--url", help="an Arbiter server to use instead of starting an embedded one")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default=os.environ.get("OUT") or os.path.join(tempfile.gettempdir(), "arbiter-grpo-gpu"))
    return p.parse_args(argv)


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    torch.manual_seed(args.seed)
    tokenizer = CharTokenizer(TASK_WORDS + (R1_ZERO_HEAD, R1_ZERO_TAIL))
    model = TinyCausalLM(tokenizer.vocab_size, d_model=args.d_model, n_layers=args.layers, n_heads=args.heads,
                         max_positions=64).to(device)
    n_params = sum(p.numel() for p in model.parameters())
    print("device %s (%s), torch %s, model %.1fM parameters" % (
        device, torch.cuda.get_device_name(0) if device.type == "cuda" else "no CUDA", torch.__version__, n_params / 1e6),
        flush=True)

    def pair(rng: random.Random):
        problem = make_problem(rng)
        return r1_zero_prompt(problem["prompt"]), worked_completion(problem)

    t0 = time.perf_counter()
    losses = supervised_warmup(model, tokenizer, pair, steps=args.sft_steps, batch_size=256, learning_rate=1e-3,
                               seed=args.seed + 1, device=device)
    sft = {"steps": args.sft_steps, "loss_first": losses[0] if losses else None,
           "loss_last": losses[-1] if losses else None, "seconds": time.perf_counter() - t0}
    print("cold start: loss %s -> %s in %.1f s" % (sft["loss_first"], sft["loss_last"], sft["seconds"]), flush=True)

    server, url = None, args.url
    if url is None:
        from tests._support import ArbiterServer

        server = ArbiterServer(ARBITER_THREADS=str(args.grading_threads)).start()
        url = server.url
    records: List[Dict[str, Any]] = []
    try:
        client = ArbiterClient(url)
        warmup_s = warm_up(client)
        config = GRPOConfig(group_size=args.group_size, max_new_tokens=40, learning_rate=args.lr,
                            generation_groups=args.generation_groups, micro_batch_groups=args.micro_batch_groups,
                            grading_threads=16, rewards={"accuracy": 1, "format": 1}, advantage={"preset": "trl"})
        rng = random.Random(args.seed + 2)
        t_start = time.perf_counter()
        with GRPOTrainer(model, tokenizer, config, client=client, device=device) as trainer:
            for _ in range(args.steps):
                m = trainer.step([make_problem(rng) for _ in range(args.prompts)]).metrics
                records.append(m)
                print("step %3d reward %.3f acc %.3f format %.3f | %.2f s, %.0f generated tokens/s, wait %.1f%%"
                      % (m["step"], m["reward"], m["accuracy"], m["format_rate"], m["step_s"], m["tokens_per_s"],
                         100 * m["wait_fraction"]), flush=True)
                if time.perf_counter() - t_start > args.max_seconds:
                    break
        client.close()
    finally:
        if server is not None:
            server.stop()

    summary = summarise(records, window=min(5, len(records)))
    later = records[1:] or records  # the first step includes CUDA warm-up
    summary["generated_tokens_per_s"] = sum(r["generated_tokens"] for r in later) / sum(r["step_s"] for r in later)
    log = {"device": str(device), "gpu": torch.cuda.get_device_name(0) if device.type == "cuda" else None,
           "torch": torch.__version__, "parameters": n_params, "model": model.config, "config": config.to_dict(),
           "args": vars(args), "cold_start": sft, "server": {"url": url, "embedded": server is not None,
                                                             "warmup_s": warmup_s},
           "steps": records, "summary": summary}
    path = os.path.join(args.out, "gpu_run.json")
    with open(path, "w") as fh:
        json.dump(log, fh, indent=1)
    print("generated tokens/s (steps 2..): %.0f; waiting on Arbiter: %.2f%% of step time overall, max %.2f%%"
          % (summary["generated_tokens_per_s"], 100 * summary["wait_fraction_overall"], 100 * summary["wait_fraction_max"]))
    print("reward %.3f -> %.3f; wrote %s" % (summary["reward_first"], summary["reward_last"], path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
