"""CPU demo (a bench, not a test): a tiny character-level transformer learns two-number addition in the
R1 format, first by a brief supervised cold start, then by GRPO with Arbiter's accuracy + format rewards.

It starts an embedded Arbiter server itself (``node bin/arbiter.js serve``, ARBITER_THREADS=1, no Redis)
unless ``--url`` is given, warms it up, then runs ``--steps`` GRPO steps and writes
``<out>/grpo_demo.json`` (config, cold start, one record per step with reward, accuracy, format rate,
response length and the fraction of the step spent waiting on Arbiter) and ``<out>/grpo_demo.png``.

    npm run bench:grpo                                   # = /usr/bin/python3 clients/python/arbiter_grpo/demo.py
    /usr/bin/python3 clients/python/arbiter_grpo/demo.py --steps 40 --out /tmp/grpo
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
PACKAGE_ROOT = os.path.dirname(HERE)  # clients/python
if PACKAGE_ROOT not in sys.path:
    sys.path.insert(0, PACKAGE_ROOT)

import torch  # noqa: E402

from arbiter_client import ArbiterClient  # noqa: E402
from arbiter_grpo.arithmetic import TASK_WORDS, make_problem, worked_completion  # noqa: E402
from arbiter_grpo.png_chart import line_chart  # noqa: E402
from arbiter_grpo.stats import mean_of  # noqa: E402
from arbiter_grpo.supervised import supervised_warmup  # noqa: E402
from arbiter_grpo.template import R1_ZERO_HEAD, R1_ZERO_TAIL, r1_zero_prompt  # noqa: E402
from arbiter_grpo.tiny_lm import CharTokenizer, TinyCausalLM  # noqa: E402
from arbiter_grpo.trainer import GRPOConfig, GRPOTrainer  # noqa: E402

COLUMNS = ("step", "reward", "accuracy", "format_rate", "response_tokens", "loss", "step_s", "wait_s", "wait_fraction")


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--steps", type=int, default=40, help="GRPO steps (default 40)")
    p.add_argument("--prompts", type=int, default=16, help="prompts per step (default 16)")
    p.add_argument("--group-size", type=int, default=8, help="completions per prompt, G (default 8)")
    p.add_argument("--sft-steps", type=int, default=150, help="supervised cold-start steps (default 150)")
    p.add_argument("--lr", type=float, default=5e-4, help="GRPO learning rate (default 5e-4)")
    p.add_argument("--beta", type=float, default=0.0, help="k3 KL coefficient (default 0)")
    p.add_argument("--updates", type=int, default=2, help="optimizer steps per batch of rollouts, μ (default 2)")
    p.add_argument("--max-operand", type=int, default=19, help="largest addend (default 19)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--url", help="an Arbiter server to use instead of starting an embedded one")
    p.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "arbiter-grpo-demo"),
                   help="folder for grpo_demo.json and grpo_demo.png")
    return p.parse_args(argv)


def build_model(seed: int):
    torch.manual_seed(seed)
    tokenizer = CharTokenizer(TASK_WORDS + (R1_ZERO_HEAD, R1_ZERO_TAIL))
    model = TinyCausalLM(tokenizer.vocab_size, d_model=64, n_layers=2, n_heads=4, max_positions=64)
    return tokenizer, model


def start_server(url: Optional[str]):
    if url:
        return None, url
    from tests._support import ArbiterServer  # the test suite's launcher: `node bin/arbiter.js serve`, port 0

    server = ArbiterServer().start()
    return server, server.url


def warm_up(client: ArbiterClient) -> float:
    """One grading call before the clock starts: the first one pays the worker threads' start-up."""
    t0 = time.perf_counter()
    client.grade({"groups": [{"task": {"type": "math", "answer": "4"},
                              "completions": ["<think> 2+2=4 </think> <answer> 4 </answer>", "5"]}]})
    return time.perf_counter() - t0


def summarise(records: List[Dict[str, Any]], window: int = 5) -> Dict[str, Any]:
    first, last = records[:window], records[-window:]
    out: Dict[str, Any] = {"window": window}
    for key in ("reward", "accuracy", "format_rate", "response_tokens"):
        out[key + "_first"] = mean_of([r[key] for r in first])
        out[key + "_last"] = mean_of([r[key] for r in last])
    waits = [r["wait_fraction"] for r in records]
    out["wait_fraction_mean"] = sum(waits) / len(waits)
    out["wait_fraction_max"] = max(waits)
    out["wait_s_total"] = sum(r["wait_s"] for r in records)
    out["step_s_total"] = sum(r["step_s"] for r in records)
    out["wait_fraction_overall"] = out["wait_s_total"] / out["step_s_total"]
    out["grading_latency_s_mean"] = mean_of([r["grading_latency_s_mean"] for r in records])
    out["reward_rose"] = bool(out["reward_last"] is not None and out["reward_first"] is not None
                              and out["reward_last"] > out["reward_first"])
    out["wait_fraction_below_10pct"] = out["wait_fraction_max"] < 0.10
    return out


def fmt(value: Any) -> str:
    return "%8.3f" % value if isinstance(value, float) else "%8s" % (value,)


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    t_total = time.perf_counter()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer, model = build_model(args.seed)
    model.to(device)

    def pair(rng: random.Random):
        problem = make_problem(rng, args.max_operand)
        return r1_zero_prompt(problem["prompt"]), worked_completion(problem)

    t0 = time.perf_counter()
    sft_losses = supervised_warmup(model, tokenizer, pair, steps=args.sft_steps, batch_size=32,
                                   learning_rate=6e-3, seed=args.seed + 1, device=device)
    sft = {"steps": args.sft_steps, "batch_size": 32, "learning_rate": 6e-3, "loss_first": sft_losses[0] if sft_losses else None,
           "loss_last": sft_losses[-1] if sft_losses else None, "seconds": time.perf_counter() - t0}
    print("cold start: %d steps, loss %.3f -> %.3f, %.1f s" % (args.sft_steps, sft["loss_first"] or 0,
                                                               sft["loss_last"] or 0, sft["seconds"]), flush=True)

    server, url = start_server(args.url)
    try:
        client = ArbiterClient(url)
        warmup_s = warm_up(client)
        config = GRPOConfig(group_size=args.group_size, max_new_tokens=40, temperature=1.0, learning_rate=args.lr,
                            beta=args.beta, updates_per_batch=args.updates, generation_groups=4,
                            micro_batch_groups=4, rewards={"accuracy": 1, "format": 1}, advantage={"preset": "trl"})
        rng = random.Random(args.seed + 2)
        generator = torch.Generator().manual_seed(args.seed + 3)
        records: List[Dict[str, Any]] = []
        print(" ".join("%8s" % c[:8] for c in COLUMNS), flush=True)
        with GRPOTrainer(model, tokenizer, config, client=client, device=device, generator=generator) as trainer:
            for _ in range(args.steps):
                result = trainer.step([make_problem(rng, args.max_operand) for _ in range(args.prompts)])
                records.append(result.metrics)
                print(" ".join(fmt(result.metrics[c]) for c in COLUMNS), flush=True)
            sample = result.completions[:4]
        client.close()
    finally:
        if server is not None:
            server.stop()

    summary = summarise(records)
    log = {"demo": "arbiter_grpo CPU demo", "torch": torch.__version__, "device": str(device),
           "python": sys.version.split()[0], "server": {"url": url, "embedded": server is not None, "warmup_s": warmup_s},
           "model": model.config, "parameters": sum(p.numel() for p in model.parameters()),
           "config": config.to_dict(), "cold_start": sft, "args": vars(args), "steps": records,
           "sample_completions": sample, "summary": summary, "seconds_total": time.perf_counter() - t_total}
    json_path, png_path = os.path.join(args.out, "grpo_demo.json"), os.path.join(args.out, "grpo_demo.png")
    with open(json_path, "w") as fh:
        json.dump(log, fh, indent=1)
    x = [r["step"] for r in records]
    line_chart(png_path, x, [("mean reward (accuracy + format)", [r["reward"] for r in records], (31, 119, 180)),
                             ("accuracy", [r["accuracy"] for r in records], (44, 160, 44)),
                             ("format rate", [r["format_rate"] for r in records], (214, 39, 40)),
                             ("response length (tokens)", [r["response_tokens"] for r in records], (148, 103, 189))],
               title="GRPO with Arbiter: tiny char LM, %d x %d completions per step" % (args.prompts, args.group_size))
    print("reward %.3f -> %.3f (mean of first/last %d steps), accuracy %.3f -> %.3f, format %.3f -> %.3f"
          % (summary["reward_first"], summary["reward_last"], summary["window"], summary["accuracy_first"],
             summary["accuracy_last"], summary["format_rate_first"], summary["format_rate_last"]))
    print("waiting on Arbiter: %.2f%% of step time overall, max %.2f%% in one step (bar < 10%%)"
          % (100 * summary["wait_fraction_overall"], 100 * summary["wait_fraction_max"]))
    print("wrote %s and %s (%.0f s in all)" % (json_path, png_path, log["seconds_total"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
