"""A small GRPO trainer for causal LMs that gets its rewards and advantages from Arbiter (PyTorch ≥ 1.13).

>>> from arbiter_grpo import GRPOConfig, GRPOTrainer
>>> trainer = GRPOTrainer(model, tokenizer, GRPOConfig(group_size=8), client=ArbiterClient(url))   # doctest: +SKIP
>>> result = trainer.step([{"prompt": "Compute 2+3", "task": {"type": "math", "answer": "5"}}])  # doctest: +SKIP
"""
from .loss import aggregate, clipped_surrogate, grpo_loss, k3_kl, selective_log_softmax
from .template import R1_ZERO_HEAD, R1_ZERO_TAIL, r1_zero_prompt
from .trainer import GRPOConfig, GRPOTrainer, StepResult

__all__ = [
    "GRPOConfig",
    "GRPOTrainer",
    "StepResult",
    "grpo_loss",
    "clipped_surrogate",
    "aggregate",
    "k3_kl",
    "selective_log_softmax",
    "r1_zero_prompt",
    "R1_ZERO_HEAD",
    "R1_ZERO_TAIL",
]
