"""A tiny character-level causal transformer and its tokenizer, for the demo, the tests and the GPU script.

The model is called the way Hugging Face causal LMs are (``model(input_ids=, attention_mask=,
position_ids=, past_key_values=, use_cache=)`` → an object with ``.logits`` and ``.past_key_values``),
so the trainer drives it and an ``AutoModelForCausalLM`` through the same code. Attention is written
out (no ``scaled_dot_product_attention``, which PyTorch 1.13 lacks).
"""
from __future__ import annotations

import math
from typing import Iterable, List, NamedTuple, Optional, Sequence, Tuple

import torch
from torch import nn
from torch.nn import functional as F

__all__ = ["CharTokenizer", "TinyCausalLM", "LMOutput"]

KV = Tuple[torch.Tensor, torch.Tensor]


class CharTokenizer:
    """One token per printable ASCII character or newline, plus whole-string tokens for ``words``
    (matched longest first): the demo passes the R1 tags and the fixed parts of the R1-Zero template, as a
    subword tokenizer would merge them. Ids 0, 1, 2 are ``<pad>``, ``<eos>``, ``<unk>``.
    """

    pad_token_id = 0
    eos_token_id = 1
    unk_token_id = 2

    def __init__(self, words: Iterable[str] = ()) -> None:
        unique = list(dict.fromkeys(words))  # ids in the order given (a set would vary between processes)
        self.words = sorted(unique, key=lambda w: (-len(w), w))  # longest match first
        chars = [chr(c) for c in range(32, 127)] + ["\n"]
        self.vocab: List[str] = ["<pad>", "<eos>", "<unk>"] + unique + chars
        self._ids = {tok: i for i, tok in enumerate(self.vocab)}

    @property
    def vocab_size(self) -> int:
        return len(self.vocab)

    def encode(self, text: str) -> List[int]:
        ids: List[int] = []
        i = 0
        while i < len(text):
            for word in self.words:
                if text.startswith(word, i):
                    ids.append(self._ids[word])
                    i += len(word)
                    break
            else:
                ids.append(self._ids.get(text[i], self.unk_token_id))
                i += 1
        return ids

    def decode(self, ids: Sequence[int], skip_special_tokens: bool = True) -> str:
        special = (self.pad_token_id, self.eos_token_id) if skip_special_tokens else ()
        return "".join(self.vocab[int(i)] for i in ids if int(i) not in special)


class LMOutput(NamedTuple):
    logits: torch.Tensor
    past_key_values: Optional[List[KV]]


class _Block(nn.Module):
    def __init__(self, d_model: int, n_heads: int) -> None:
        super().__init__()
        self.n_heads = n_heads
        self.ln1 = nn.LayerNorm(d_model)
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.proj = nn.Linear(d_model, d_model)
        self.ln2 = nn.LayerNorm(d_model)
        self.mlp = nn.Sequential(nn.Linear(d_model, 4 * d_model), nn.GELU(), nn.Linear(4 * d_model, d_model))

    def forward(self, x: torch.Tensor, bias: torch.Tensor, past: Optional[KV]) -> Tuple[torch.Tensor, KV]:
        b, t, d = x.shape
        hd = d // self.n_heads
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=-1)
        q, k, v = (z.view(b, t, self.n_heads, hd).transpose(1, 2) for z in (q, k, v))
        if past is not None:
            k = torch.cat([past[0], k], dim=2)
            v = torch.cat([past[1], v], dim=2)
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(hd) + bias
        att = torch.softmax(scores, dim=-1) @ v
        x = x + self.proj(att.transpose(1, 2).reshape(b, t, d))
        return x + self.mlp(self.ln2(x)), (k, v)


class TinyCausalLM(nn.Module):
    """A pre-LayerNorm GPT with learned positions and tied embeddings; supports left padding and a KV cache.

    Defaults (64 wide, 2 layers, 4 heads, 128 positions) make a ~110k-parameter model for the CPU demo.
    """

    def __init__(self, vocab_size: int, d_model: int = 64, n_layers: int = 2, n_heads: int = 4,
                 max_positions: int = 128) -> None:
        super().__init__()
        self.config = dict(vocab_size=vocab_size, d_model=d_model, n_layers=n_layers, n_heads=n_heads,
                           max_positions=max_positions)
        self.tok = nn.Embedding(vocab_size, d_model)
        self.pos = nn.Embedding(max_positions, d_model)
        self.blocks = nn.ModuleList(_Block(d_model, n_heads) for _ in range(n_layers))
        self.ln_f = nn.LayerNorm(d_model)
        self.apply(self._init)

    @staticmethod
    def _init(module: nn.Module) -> None:
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    def forward(self, input_ids: torch.Tensor, attention_mask: Optional[torch.Tensor] = None,
                position_ids: Optional[torch.Tensor] = None, past_key_values: Optional[List[KV]] = None,
                use_cache: bool = False) -> LMOutput:
        """``attention_mask`` covers the cached and the new tokens (B, past + T); 0 marks left padding."""
        b, t = input_ids.shape
        past_len = 0 if past_key_values is None else past_key_values[0][0].shape[2]
        if attention_mask is None:
            attention_mask = torch.ones(b, past_len + t, dtype=torch.long, device=input_ids.device)
        if position_ids is None:
            position_ids = (attention_mask.long().cumsum(-1) - 1).clamp(min=0)[:, past_len:]
        keys = torch.arange(past_len + t, device=input_ids.device)
        queries = keys[past_len:]
        allowed = (keys[None, :] <= queries[:, None])[None] & attention_mask.bool()[:, None, :]
        # a large negative rather than −inf keeps fully masked rows (left-padding queries) finite
        bias = torch.zeros(allowed.shape, dtype=self.tok.weight.dtype, device=input_ids.device)
        bias = bias.masked_fill(~allowed, torch.finfo(bias.dtype).min)[:, None]
        x = self.tok(input_ids) + self.pos(position_ids)
        cache: List[KV] = []
        for i, block in enumerate(self.blocks):
            x, kv = block(x, bias, None if past_key_values is None else past_key_values[i])
            cache.append(kv)
        logits = F.linear(self.ln_f(x), self.tok.weight)
        return LMOutput(logits, cache if use_cache else None)
