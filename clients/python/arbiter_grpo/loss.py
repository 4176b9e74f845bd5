"""The GRPO policy loss, as pure tensor functions (../shared/reference/trainers.md §2.5, §5.1, §5.3).

Per token t of completion i, with ratio ρ = exp(logπ_θ − logπ_old) and the completion's advantage A_i:

    l_{i,t} = −min(ρ·A_i, clip(ρ, 1 − ε_low, 1 + ε_high)·A_i) + β·KL_{i,t}
    KL_{i,t} = exp(ref − logπ_θ) − (ref − logπ_θ) − 1                      (k3, DeepSeekMath)

aggregated over the completion mask M either per token (DAPO, TRL ``loss_type="dapo"``):
Σ l·M / Σ M over the whole batch, or per sequence (the original GRPO, TRL ``"grpo"``):
mean_i(Σ_t l·M / Σ_t M). A batch split into micro-batches passes the whole batch's normaliser
(its token count, or its number of sequences) so the accumulated gradients equal the full-batch ones.
"""
from __future__ import annotations

from typing import Dict, Optional, Tuple

import torch

__all__ = ["AGGREGATIONS", "k3_kl", "clipped_surrogate", "aggregate", "grpo_loss", "selective_log_softmax"]

AGGREGATIONS = ("token", "sequence")


def selective_log_softmax(logits: torch.Tensor, token_ids: torch.Tensor) -> torch.Tensor:
    """log softmax(logits)[token_ids] without materialising the whole log-softmax: (B, L, V), (B, L) → (B, L)."""
    picked = torch.gather(logits, -1, token_ids.unsqueeze(-1)).squeeze(-1)
    return picked - torch.logsumexp(logits, dim=-1)


def k3_kl(logp: torch.Tensor, ref_logp: torch.Tensor) -> torch.Tensor:
    """Per-token k3 estimate of KL(π_θ ‖ π_ref): exp(ref − logp) − (ref − logp) − 1 (≥ 0, 0 when equal)."""
    delta = ref_logp - logp
    return torch.exp(delta) - delta - 1.0


def clipped_surrogate(
    logp: torch.Tensor, old_logp: torch.Tensor, advantages: torch.Tensor, epsilon_low: float, epsilon_high: float
) -> Tuple[torch.Tensor, torch.Tensor]:
    """Per-token −min(ρA, clip(ρ, 1−ε_low, 1+ε_high)A) and a 0/1 tensor marking where the clipped term won.

    ``advantages`` is one value per completion (B,), broadcast over its tokens. The result takes the
    promoted dtype of the inputs, so float64 advantages are used exactly as given.
    """
    ratio = torch.exp(logp - old_logp)
    adv = advantages.unsqueeze(-1)
    unclipped = ratio * adv
    clipped = torch.clamp(ratio, 1.0 - epsilon_low, 1.0 + epsilon_high) * adv
    is_clipped = (clipped < unclipped).to(unclipped.dtype)
    return -torch.min(unclipped, clipped), is_clipped


def aggregate(per_token: torch.Tensor, mask: torch.Tensor, aggregation: str = "token",
              normalizer: Optional[float] = None) -> torch.Tensor:
    """Reduces a (B, L) per-token quantity over the mask.

    ``token``: Σ x·M / normalizer (default Σ M); ``sequence``: Σ_i (Σ_t x·M / max(Σ_t M, 1)) / normalizer
    (default B). Pass the whole batch's normaliser when this is one micro-batch of it.
    """
    mask = mask.to(per_token.dtype)
    if aggregation == "token":
        denom = mask.sum().clamp(min=1.0) if normalizer is None else normalizer
        return (per_token * mask).sum() / denom
    if aggregation == "sequence":
        per_seq = (per_token * mask).sum(-1) / mask.sum(-1).clamp(min=1.0)
        denom = per_token.shape[0] if normalizer is None else normalizer
        return per_seq.sum() / denom
    raise ValueError("aggregation must be one of %s, got %r" % (AGGREGATIONS, aggregation))


def grpo_loss(
    logp: torch.Tensor,
    old_logp: torch.Tensor,
    advantages: torch.Tensor,
    mask: torch.Tensor,
    *,
    epsilon_low: float = 0.2,
    epsilon_high: float = 0.28,
    beta: float = 0.0,
    ref_logp: Optional[torch.Tensor] = None,
    aggregation: str = "token",
    normalizer: Optional[float] = None,
) -> Tuple[torch.Tensor, Dict[str, float]]:
    """The GRPO loss of a (micro-)batch and its statistics (``kl`` and ``clip_fraction``, aggregated the same way).

    ``logp``, ``old_logp``, ``ref_logp``, ``mask``: (B, L) over completion tokens; ``advantages``: (B,).
    ``beta > 0`` needs ``ref_logp``. Defaults: ε_low 0.2, ε_high 0.28 (DAPO clip-higher), β 0, token-level.

    >>> import math
    >>> lp = torch.tensor([[math.log(1.5), 0.0]]); loss, _ = grpo_loss(lp, torch.zeros(1, 2), torch.tensor([1.0]), torch.ones(1, 2))
    >>> round(loss.item(), 4)   # (−1.28 − 1.0) / 2: ρ = 1.5 is clipped at 1 + 0.28
    -1.14
    """
    per_token, is_clipped = clipped_surrogate(logp, old_logp, advantages, epsilon_low, epsilon_high)
    stats: Dict[str, float] = {}
    if beta:
        if ref_logp is None:
            raise ValueError("beta > 0 needs ref_logp")
        kl = k3_kl(logp, ref_logp)
        per_token = per_token + beta * kl
        stats["kl"] = float(aggregate(kl.detach(), mask, aggregation, normalizer))
    loss = aggregate(per_token, mask, aggregation, normalizer)
    stats["clip_fraction"] = float(aggregate(is_clipped, mask, aggregation, normalizer))
    return loss, stats
