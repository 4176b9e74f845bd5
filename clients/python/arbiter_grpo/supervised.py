"""Supervised cold start: next-token cross-entropy on completions only (the R1 "cold-start data" stage)."""
from __future__ import annotations

import random
from typing import Any, Callable, List, Sequence, Tuple

import torch
from torch.nn import functional as F

from .generation import left_pad, position_ids_of

__all__ = ["supervised_warmup"]


def supervised_warmup(model: torch.nn.Module, tokenizer: Any, make_pair: Callable[[random.Random], Tuple[str, str]],
                      *, steps: int, batch_size: int = 32, learning_rate: float = 3e-3, seed: int = 0,
                      device: torch.device = torch.device("cpu")) -> List[float]:
    """Trains ``model`` for ``steps`` AdamW steps on pairs ``(prompt, completion)`` drawn from ``make_pair``;
    the loss covers the completion and the EOS token, not the prompt. Returns the loss of each step.

    Batches are laid out as the trainer lays out rollouts (left-padded prompts, positions skipping the
    padding), so the warmed-up model sees at sampling time what it saw here.
    """
    rng = random.Random(seed)
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=0.0)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / 20))
    losses: List[float] = []
    model.train()
    for _ in range(steps):
        pairs = [make_pair(rng) for _ in range(batch_size)]
        loss = _batch_loss(model, tokenizer, pairs, device)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        losses.append(float(loss))
    model.eval()
    return losses


def _batch_loss(model: torch.nn.Module, tokenizer: Any, pairs: Sequence[Tuple[str, str]],
                device: torch.device) -> torch.Tensor:
    prompts = [tokenizer.encode(p) for p, _ in pairs]
    completions = [tokenizer.encode(c) + [tokenizer.eos_token_id] for _, c in pairs]
    prompt_ids, prompt_mask = left_pad(prompts, tokenizer.pad_token_id, device)
    width = max(len(c) for c in completions)
    comp = torch.full((len(pairs), width), tokenizer.pad_token_id, dtype=torch.long)
    target = torch.full((len(pairs), width), -100, dtype=torch.long)
    for i, c in enumerate(completions):
        comp[i, : len(c)] = torch.tensor(c)
        target[i, : len(c)] = torch.tensor(c)
    comp, target = comp.to(device), target.to(device)
    ids = torch.cat([prompt_ids, comp], dim=1)
    attn = torch.cat([prompt_mask, torch.ones_like(comp)], dim=1)
    logits = model(input_ids=ids, attention_mask=attn, position_ids=position_ids_of(attn)).logits
    p = prompt_ids.shape[1]
    logits = logits[:, p - 1: p - 1 + width]
    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), target.reshape(-1), ignore_index=-100)
