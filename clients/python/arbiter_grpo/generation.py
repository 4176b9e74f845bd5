"""Sampling G completions per prompt, reporting each group the moment its last completion ends.

Contract with the model (Hugging Face causal-LM calling convention): ``model(input_ids=(B, T),
attention_mask=(B, past + T), position_ids=(B, T), past_key_values=cache | None, use_cache=True)``
returns ``.logits`` (B, T, V) and ``.past_key_values`` (passed back unchanged). Prompts are left-padded;
positions count real tokens only, so a padded prompt sees the same positions as an unpadded one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence

import torch

__all__ = ["Rollout", "left_pad", "sample_groups", "position_ids_of"]


@dataclass
class Rollout:
    """One generation batch: ``n_groups × group_size`` rows, group g in rows [g·G, (g+1)·G)."""

    prompt_ids: torch.Tensor        # (B, P) left-padded
    prompt_mask: torch.Tensor       # (B, P) 1 for prompt tokens
    completion_ids: torch.Tensor    # (B, L) padded after EOS with pad_token_id
    completion_mask: torch.Tensor   # (B, L) 1 for generated tokens up to and including EOS
    finished: torch.Tensor          # (B,) bool: ended with EOS (else truncated at max_new_tokens)
    group_size: int

    def completion_tokens(self, row: int) -> List[int]:
        """The generated token ids of one row, EOS included."""
        n = int(self.completion_mask[row].sum())
        return self.completion_ids[row, :n].tolist()


def left_pad(sequences: Sequence[Sequence[int]], pad_id: int, device: torch.device):
    """(ids, mask) tensors of the sequences left-padded to the longest."""
    width = max(len(s) for s in sequences)
    ids = torch.full((len(sequences), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(sequences), width), dtype=torch.long)
    for i, s in enumerate(sequences):
        if len(s):
            ids[i, width - len(s):] = torch.tensor(list(s), dtype=torch.long)
            mask[i, width - len(s):] = 1
    return ids.to(device), mask.to(device)


def position_ids_of(mask: torch.Tensor) -> torch.Tensor:
    """Positions that skip left padding: 0 at each row's first real token."""
    return (mask.long().cumsum(-1) - 1).clamp(min=0)


@torch.no_grad()
def sample_groups(
    model: torch.nn.Module,
    prompt_ids: Sequence[Sequence[int]],
    group_size: int,
    *,
    max_new_tokens: int,
    eos_token_id: int,
    pad_token_id: int,
    temperature: float = 1.0,
    device: Optional[torch.device] = None,
    generator: Optional[torch.Generator] = None,
    on_group_done: Optional[Callable[[int, "Rollout"], None]] = None,
) -> Rollout:
    """Samples ``group_size`` completions for each prompt in one batch with a KV cache.

    ``on_group_done(g, partial)`` is called as soon as every completion of group g has produced EOS (or,
    for groups still open at the end, after the last token): ``partial`` holds the tokens generated so
    far, complete for group g. The caller sends the group for grading there, so grading overlaps the
    rest of the generation. ``generator`` drives the multinomial sampling (CPU generator on CPU).
    """
    device = device or next(model.parameters()).device
    rows = [list(p) for p in prompt_ids for _ in range(group_size)]
    ids, mask = left_pad(rows, pad_token_id, device)
    batch, n_groups = ids.shape[0], len(prompt_ids)
    out = model(input_ids=ids, attention_mask=mask, position_ids=position_ids_of(mask), use_cache=True)
    past, logits = out.past_key_values, out.logits[:, -1]
    attn = mask
    tokens = torch.full((batch, max_new_tokens), pad_token_id, dtype=torch.long, device=device)
    done = torch.zeros(batch, dtype=torch.bool, device=device)
    lengths = torch.zeros(batch, dtype=torch.long, device=device)
    reported = [False] * n_groups

    def snapshot() -> Rollout:
        cols = torch.arange(max_new_tokens, device=device)[None]
        return Rollout(ids, mask, tokens, (cols < lengths[:, None]).long(), done.clone(), group_size)

    for step in range(max_new_tokens):
        probs = torch.softmax(logits.float() / temperature, dim=-1)
        nxt = torch.multinomial(probs.cpu() if generator is not None else probs, 1, generator=generator)
        nxt = nxt.to(device).squeeze(-1).masked_fill(done, pad_token_id)
        tokens[:, step] = nxt
        lengths += (~done).long()
        done = done | (nxt == eos_token_id)
        if on_group_done is not None:
            group_done = done.view(n_groups, group_size).all(-1).tolist()
            newly = [g for g in range(n_groups) if group_done[g] and not reported[g]]
            if newly:
                partial = snapshot()
                for g in newly:
                    reported[g] = True
                    on_group_done(g, partial)
        if bool(done.all()) or step == max_new_tokens - 1:
            break
        attn = torch.cat([attn, torch.ones(batch, 1, dtype=attn.dtype, device=device)], dim=-1)
        out = model(input_ids=nxt[:, None], attention_mask=attn, position_ids=position_ids_of(attn)[:, -1:],
                    past_key_values=past, use_cache=True)
        past, logits = out.past_key_values, out.logits[:, -1]
    final = snapshot()
    final.completion_ids = final.completion_ids[:, : max(1, int(lengths.max()))]
    final.completion_mask = final.completion_mask[:, : final.completion_ids.shape[1]]
    if on_group_done is not None:
        for g in range(n_groups):
            if not reported[g]:
                on_group_done(g, final)
    return final
