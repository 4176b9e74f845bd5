"""A small GRPO trainer whose rewards and advantages come from Arbiter.

One ``step(examples)``:

1. samples ``group_size`` completions per example with the policy, ``generation_groups`` prompts per
   batched generation; each group is sent to Arbiter (``grading.GroupGrader``) the moment its last
   completion ends, so grading runs while the rest is still being generated;
2. computes what needs no reward (reference log-probs when β > 0) while the last groups are graded;
3. trains in micro-batches of ``micro_batch_groups`` groups, in order, collecting each micro-batch's
   grades just before its forward pass — the only place the trainer can block on Arbiter (``wait_s``);
   the gradients of one optimizer step are accumulated over the whole batch with the batch's
   normaliser, and ``updates_per_batch`` > 1 repeats the step on the same rollouts against the
   log-probs of the first pass (π_old), where the ε_low/ε_high clip bites.

The advantages are the server's ``results[].advantage`` (float64, unchanged; ``null`` counts as 0).
"""
from __future__ import annotations

import copy
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import torch

from arbiter_client import ArbiterClient

from .generation import left_pad, position_ids_of, sample_groups
from .grading import GroupGrader, PendingGroup
from .loss import AGGREGATIONS, grpo_loss, selective_log_softmax
from .stats import step_metrics
from .template import r1_zero_prompt

__all__ = ["GRPOConfig", "GRPOTrainer", "StepResult"]


@dataclass
class GRPOConfig:
    """Trainer settings; defaults follow DAPO/TRL (ε 0.2/0.28, token-level loss, β 0, TRL advantages)."""

    group_size: int = 8                    #: G, completions per prompt
    max_new_tokens: int = 256
    temperature: float = 1.0               #: sampling temperature; log-probs use the same scaling
    learning_rate: float = 1e-6            #: for the default AdamW optimizer
    epsilon_low: float = 0.2
    epsilon_high: float = 0.28
    beta: float = 0.0                      #: k3 KL coefficient to a frozen copy of the initial policy
    aggregation: str = "token"             #: "token" (Σ l·M / Σ M over the batch) or "sequence" (GRPO)
    updates_per_batch: int = 1             #: optimizer steps on each batch of rollouts (μ)
    generation_groups: int = 8             #: prompts sampled together in one batched generation
    micro_batch_groups: int = 8            #: groups per forward/backward pass
    max_grad_norm: Optional[float] = 1.0
    rewards: Optional[Dict[str, Any]] = field(default_factory=lambda: {"accuracy": 1, "format": 1})
    advantage: Optional[Dict[str, Any]] = field(default_factory=lambda: {"preset": "trl"})
    grading_threads: int = 4
    template: Optional[Callable[[str], str]] = r1_zero_prompt   #: None sends prompts as they are

    def __post_init__(self) -> None:
        if self.aggregation not in AGGREGATIONS:
            raise ValueError("aggregation must be one of %s, got %r" % (AGGREGATIONS, self.aggregation))
        if self.group_size < 2:
            raise ValueError("group_size must be at least 2 for group-relative advantages")
        for name in ("generation_groups", "micro_batch_groups", "updates_per_batch", "max_new_tokens"):
            if getattr(self, name) < 1:
                raise ValueError("%s must be at least 1" % name)

    def to_dict(self) -> Dict[str, Any]:
        out = asdict(self)
        out["template"] = getattr(self.template, "__name__", None)
        return out


@dataclass
class StepResult:
    """What one step did: ``metrics`` (JSON-ready), the server's group results, the per-completion
    advantages the loss used (float64, rows in group order), the completions' texts and the groups as sent."""

    metrics: Dict[str, Any]
    groups: List[Dict[str, Any]]
    advantages: torch.Tensor
    completions: List[str]
    sent_groups: List[Dict[str, Any]]


class _Row:
    __slots__ = ("prompt", "completion", "finished")

    def __init__(self, prompt: List[int], completion: List[int], finished: bool) -> None:
        self.prompt, self.completion, self.finished = prompt, completion, finished


class GRPOTrainer:
    """GRPO on a causal LM with Arbiter as the grader.

    ``model``: called like a Hugging Face causal LM (see ``generation``); ``tokenizer``: ``encode(text)``,
    ``decode(ids, skip_special_tokens=True)``, ``eos_token_id``, ``pad_token_id``. ``client`` defaults to
    ``ArbiterClient()`` (``ARBITER_URL``). ``device``: CUDA when present, else CPU. ``generator`` seeds
    sampling (a CPU ``torch.Generator``). The model is kept in eval mode (no dropout), as the log-probs of
    training must be those of sampling.
    """

    def __init__(self, model: torch.nn.Module, tokenizer: Any, config: Optional[GRPOConfig] = None, *,
                 client: Optional[ArbiterClient] = None, optimizer: Optional[torch.optim.Optimizer] = None,
                 ref_model: Optional[torch.nn.Module] = None, device: Optional[torch.device] = None,
                 generator: Optional[torch.Generator] = None) -> None:
        self.config = config or GRPOConfig()
        self.device = device or torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.model = model.to(self.device).eval()
        self.tokenizer = tokenizer
        self.ref_model = ref_model
        if self.config.beta and self.ref_model is None:
            self.ref_model = copy.deepcopy(self.model)
        if self.ref_model is not None:
            self.ref_model.to(self.device).eval().requires_grad_(False)
        self.optimizer = optimizer or torch.optim.AdamW(self.model.parameters(), lr=self.config.learning_rate)
        self._owns_client = client is None
        self.grader = GroupGrader(client or ArbiterClient(), rewards=self.config.rewards,
                                  advantage=self.config.advantage, max_workers=self.config.grading_threads)
        self.generator = generator
        self.steps_done = 0

    # -- one step -------------------------------------------------------------------------------

    def step(self, examples: Sequence[Mapping[str, Any]]) -> StepResult:
        """One GRPO step on ``examples`` (each ``{"prompt": str, "task": {...}}``, Arbiter's task format)."""
        cfg, G = self.config, self.config.group_size
        t_start = time.perf_counter()
        prompts = [cfg.template(ex["prompt"]) if cfg.template else ex["prompt"] for ex in examples]
        rows, texts, pending, sent = self._generate(examples, prompts)
        t_generated = time.perf_counter()

        batches = [list(range(s, min(len(examples), s + cfg.micro_batch_groups)))
                   for s in range(0, len(examples), cfg.micro_batch_groups)]
        tensors = [self._tensors([rows[g * G + i] for g in groups for i in range(G)]) for groups in batches]
        ref_logps = [self._logps(self.ref_model, t, grad=False) if cfg.beta else None for t in tensors]
        n_tokens = float(sum(len(r.completion) for r in rows))
        normalizer = n_tokens if cfg.aggregation == "token" else float(len(rows))

        results: List[Optional[Dict[str, Any]]] = [None] * len(examples)
        advantages: List[Optional[torch.Tensor]] = [None] * len(batches)
        old_logps: List[Optional[torch.Tensor]] = [None] * len(batches)
        wait_s, train_stats = 0.0, []
        for update in range(cfg.updates_per_batch):
            self.optimizer.zero_grad(set_to_none=True)
            loss_sum, kl_sum, clip_sum = 0.0, 0.0, 0.0
            for b, groups in enumerate(batches):
                if advantages[b] is None:
                    t0 = time.perf_counter()
                    for g in groups:
                        results[g] = self.grader.collect(pending[g])
                    wait_s += time.perf_counter() - t0
                    adv = [r["advantage"] for g in groups for r in results[g]["results"]]  # type: ignore[index]
                    advantages[b] = torch.tensor([0.0 if a is None else a for a in adv], dtype=torch.float64,
                                                 device=self.device)
                logp = self._logps(self.model, tensors[b], grad=True)
                if old_logps[b] is None:
                    old_logps[b] = logp.detach()
                loss, stats = grpo_loss(logp, old_logps[b], advantages[b], tensors[b]["completion_mask"],
                                        epsilon_low=cfg.epsilon_low, epsilon_high=cfg.epsilon_high, beta=cfg.beta,
                                        ref_logp=ref_logps[b], aggregation=cfg.aggregation, normalizer=normalizer)
                loss.backward()
                loss_sum += float(loss)
                kl_sum += stats.get("kl", 0.0)
                clip_sum += stats["clip_fraction"]
            grad_norm = self._clip_and_step()
            train_stats.append({"loss": loss_sum, "kl": kl_sum if cfg.beta else None, "clip_fraction": clip_sum,
                                "grad_norm": grad_norm})
        t_end = time.perf_counter()

        self.steps_done += 1
        group_results = [r for r in results if r is not None]
        metrics = step_metrics(
            step=self.steps_done, groups=group_results, rows_tokens=[len(r.completion) for r in rows],
            truncated=sum(not r.finished for r in rows), train=train_stats, pending=pending,
            times={"step_s": t_end - t_start, "generate_s": t_generated - t_start,
                   "train_s": t_end - t_generated - wait_s, "wait_s": wait_s})
        adv_all = torch.cat([a for a in advantages if a is not None]).cpu()
        return StepResult(metrics=metrics, groups=group_results, advantages=adv_all, completions=texts,
                          sent_groups=sent)  # type: ignore[arg-type]

    # -- pieces -----------------------------------------------------------------------------------

    def _generate(self, examples: Sequence[Mapping[str, Any]],
                  prompts: List[str]) -> Tuple[List[_Row], List[str], List[PendingGroup], List[Dict[str, Any]]]:
        cfg, G, tok = self.config, self.config.group_size, self.tokenizer
        prompt_ids = [list(tok.encode(p)) for p in prompts]
        rows: List[Optional[_Row]] = [None] * (len(examples) * G)
        texts: List[str] = [""] * (len(examples) * G)
        pending: List[Optional[PendingGroup]] = [None] * len(examples)
        sent: List[Optional[Dict[str, Any]]] = [None] * len(examples)
        for start in range(0, len(examples), cfg.generation_groups):
            stop = min(len(examples), start + cfg.generation_groups)

            def submit(g: int, partial: Any, start: int = start) -> None:
                gi = start + g
                completions = []
                for i in range(G):
                    ids = partial.completion_tokens(g * G + i)
                    finished = bool(partial.finished[g * G + i])
                    rows[gi * G + i] = _Row(prompt_ids[gi], ids, finished)
                    texts[gi * G + i] = tok.decode(ids, skip_special_tokens=True)
                    completions.append({"text": texts[gi * G + i], "num_tokens": len(ids),
                                        "finish_reason": "stop" if finished else "length"})
                sent[gi] = {"id": "step%d-%d" % (self.steps_done + 1, gi), "prompt": prompts[gi],
                            "task": examples[gi]["task"], "completions": completions}
                pending[gi] = self.grader.submit(sent[gi])

            sample_groups(self.model, prompt_ids[start:stop], G, max_new_tokens=cfg.max_new_tokens,
                          eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id,
                          temperature=cfg.temperature, device=self.device, generator=self.generator,
                          on_group_done=submit)
        return rows, texts, pending, sent  # type: ignore[return-value]

    def _tensors(self, rows: List[_Row]) -> Dict[str, torch.Tensor]:
        pad = self.tokenizer.pad_token_id
        prompt_ids, prompt_mask = left_pad([r.prompt for r in rows], pad, self.device)
        width = max(1, max(len(r.completion) for r in rows))
        comp = torch.full((len(rows), width), pad, dtype=torch.long)
        comp_mask = torch.zeros((len(rows), width), dtype=torch.long)
        for i, r in enumerate(rows):
            comp[i, : len(r.completion)] = torch.tensor(r.completion, dtype=torch.long)
            comp_mask[i, : len(r.completion)] = 1
        return {"prompt_ids": prompt_ids, "prompt_mask": prompt_mask,
                "completion_ids": comp.to(self.device), "completion_mask": comp_mask.to(self.device)}

    def _logps(self, model: Optional[torch.nn.Module], t: Dict[str, torch.Tensor], grad: bool) -> torch.Tensor:
        """Per-token log-probs (B, L) of the completion tokens under ``model`` at the sampling temperature."""
        assert model is not None
        ids = torch.cat([t["prompt_ids"], t["completion_ids"]], dim=1)
        attn = torch.cat([t["prompt_mask"], torch.ones_like(t["completion_ids"])], dim=1)
        p, length = t["prompt_ids"].shape[1], t["completion_ids"].shape[1]
        with torch.set_grad_enabled(grad):
            logits = model(input_ids=ids, attention_mask=attn, position_ids=position_ids_of(attn)).logits
            logits = logits[:, p - 1: p - 1 + length].float() / self.config.temperature
            return selective_log_softmax(logits, t["completion_ids"])

    def _clip_and_step(self) -> float:
        params = [p for p in self.model.parameters() if p.grad is not None]
        if self.config.max_grad_norm is not None:
            norm = float(torch.nn.utils.clip_grad_norm_(params, self.config.max_grad_norm))
        else:
            norm = float(torch.norm(torch.stack([p.grad.detach().norm() for p in params]))) if params else 0.0
        self.optimizer.step()
        return norm

    def close(self) -> None:
        """Waits for grading requests in flight, stops the grading threads and closes the client if the
        trainer made it."""
        self.grader.close()
        if self._owns_client:
            self.grader.client.close()

    def __enter__(self) -> "GRPOTrainer":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
