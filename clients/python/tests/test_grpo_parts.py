"""Parts of the GRPO trainer that need no server: sampling with a KV cache and left padding gives the
log-probs training computes, groups are reported as soon as they end, the tokenizer, the template, the
PNG writer and the config checks. Needs PyTorch (run under /usr/bin/python3); never skipped."""
import os
import random
import struct
import tempfile
import unittest
import zlib

try:
    import torch
except ImportError as exc:
    raise ImportError("test_grpo_parts needs PyTorch (Debian python3-torch): run the tests with /usr/bin/python3") from exc

from tests import _support  # noqa: F401  (puts the checkout on sys.path)
from arbiter_grpo import GRPOConfig, r1_zero_prompt, selective_log_softmax
from arbiter_grpo.arithmetic import TASK_WORDS, make_problem, worked_completion
from arbiter_grpo.generation import left_pad, position_ids_of, sample_groups
from arbiter_grpo.png_chart import line_chart
from arbiter_grpo.template import R1_ZERO_HEAD, R1_ZERO_TAIL
from arbiter_grpo.tiny_lm import CharTokenizer, TinyCausalLM


def model_and_tokenizer(seed=0):
    torch.manual_seed(seed)
    tok = CharTokenizer(TASK_WORDS + (R1_ZERO_HEAD, R1_ZERO_TAIL))
    return TinyCausalLM(tok.vocab_size, d_model=32, n_layers=2, n_heads=2, max_positions=48).eval(), tok


class SamplingTest(unittest.TestCase):
    def test_cached_left_padded_decoding_gives_the_full_forward_logits(self):
        model, tok = model_and_tokenizer()
        prompts = [tok.encode(r1_zero_prompt("Compute 1+2")), tok.encode(r1_zero_prompt("Compute 41+27"))]
        ids, mask = left_pad(prompts, tok.pad_token_id, torch.device("cpu"))
        cont = torch.tensor([[5, 9, 40], [7, 3, 60]])
        with torch.no_grad():
            out = model(input_ids=ids, attention_mask=mask, position_ids=position_ids_of(mask), use_cache=True)
            steps, past, attn = [out.logits[:, -1]], out.past_key_values, mask
            for k in range(cont.shape[1]):
                attn = torch.cat([attn, torch.ones(2, 1, dtype=attn.dtype)], dim=1)
                o = model(input_ids=cont[:, k:k + 1], attention_mask=attn,
                          position_ids=position_ids_of(attn)[:, -1:], past_key_values=past, use_cache=True)
                steps.append(o.logits[:, -1])
                past = o.past_key_values
            full_attn = torch.cat([mask, torch.ones_like(cont)], dim=1)
            full = model(input_ids=torch.cat([ids, cont], 1), attention_mask=full_attn,
                         position_ids=position_ids_of(full_attn)).logits
        p = ids.shape[1]
        self.assertTrue(torch.allclose(torch.stack(steps, 1), full[:, p - 1:], atol=1e-5))
        # the shorter prompt, padded, scores as it does alone
        alone = model(input_ids=torch.tensor([prompts[0]])).logits[0, -1]
        self.assertTrue(torch.allclose(alone, full[0, p - 1], atol=1e-5))

    def test_reports_each_group_once_with_its_finished_completions(self):
        model, tok = model_and_tokenizer(1)
        prompts = [tok.encode(r1_zero_prompt("Compute %d+1" % i)) for i in range(3)]
        seen = []

        def on_done(g, partial):
            rows = [partial.completion_tokens(g * 4 + i) for i in range(4)]
            seen.append((g, rows, [bool(partial.finished[g * 4 + i]) for i in range(4)]))

        ro = sample_groups(model, prompts, 4, max_new_tokens=12, eos_token_id=tok.eos_token_id,
                           pad_token_id=tok.pad_token_id, generator=torch.Generator().manual_seed(3), on_group_done=on_done)
        self.assertEqual(sorted(g for g, _, _ in seen), [0, 1, 2])
        for g, rows, finished in seen:
            for i, (toks, fin) in enumerate(zip(rows, finished)):
                self.assertEqual(toks, ro.completion_tokens(g * 4 + i))   # nothing changed after the report
                self.assertEqual(fin, toks[-1] == tok.eos_token_id)
                self.assertTrue(fin or len(toks) == 12)

    def test_selective_log_softmax_equals_log_softmax_then_gather(self):
        logits = torch.randn(2, 3, 7, generator=torch.Generator().manual_seed(0))
        ids = torch.tensor([[0, 6, 3], [2, 2, 5]])
        want = torch.log_softmax(logits, -1).gather(-1, ids[..., None])[..., 0]
        self.assertTrue(torch.allclose(selective_log_softmax(logits, ids), want, atol=1e-6))


class PiecesTest(unittest.TestCase):
    def test_tokenizer_keeps_template_and_tags_whole_and_round_trips(self):
        tok = CharTokenizer(TASK_WORDS + (R1_ZERO_HEAD, R1_ZERO_TAIL))
        problem = make_problem(random.Random(0))
        text = r1_zero_prompt(problem["prompt"]) + worked_completion(problem)
        ids = tok.encode(text)
        self.assertEqual(tok.decode(ids), text)
        self.assertEqual(len(tok.encode(R1_ZERO_HEAD)), 1)
        self.assertEqual(len(tok.encode(" <think> 1 </think>")), 6)   # " ", <think>, " ", "1", " ", </think>

    def test_r1_zero_template_is_the_papers(self):
        prompt = r1_zero_prompt("Compute 2+2")
        self.assertTrue(prompt.startswith("A conversation between User and Assistant. The user asks a question"))
        self.assertIn("i.e., <think> reasoning process here </think> <answer> answer here </answer>. User: Compute 2+2. Assistant:", prompt)

    def test_worked_completion_carries(self):
        self.assertEqual(worked_completion({"a": 47, "b": 38}), " <think> 7+8=15 4+3+1=8 </think> <answer> 85 </answer>")
        self.assertEqual(worked_completion({"a": 95, "b": 7}), " <think> 5+7=12 9+0+1=10 </think> <answer> 102 </answer>")

    def test_line_chart_writes_a_valid_png(self):
        path = os.path.join(tempfile.mkdtemp(), "c.png")
        line_chart(path, [1, 2, 3], [("reward", [0.5, None, 1.5], (0, 0, 255)), ("flat", [1, 1, 1], (255, 0, 0))])
        with open(path, "rb") as fh:
            data = fh.read()
        self.assertEqual(data[:8], b"\x89PNG\r\n\x1a\n")
        width, height = struct.unpack(">II", data[16:24])
        idat = data.index(b"IDAT")
        (length,) = struct.unpack(">I", data[idat - 4:idat])
        raw = zlib.decompress(data[idat + 4: idat + 4 + length])
        self.assertEqual(len(raw), height * (1 + 3 * width))
        os.unlink(path)

    def test_config_rejects_what_grpo_cannot_do(self):
        with self.assertRaises(ValueError):
            GRPOConfig(group_size=1)
        with self.assertRaises(ValueError):
            GRPOConfig(aggregation="sum")
        with self.assertRaises(ValueError):
            GRPOConfig(micro_batch_groups=0)


if __name__ == "__main__":
    unittest.main()
