"""The GRPO trainer (arbiter_grpo): the loss against hand-computed values of trainers.md §2.5/§5, and two
steps end to end against a live Arbiter server. Needs PyTorch: run under /usr/bin/python3 (Debian's
python3-torch, installed by .ci/run); a missing torch is an import error here, never a skip."""
import math
import random
import unittest

try:
    import torch
except ImportError as exc:  # fail loudly: these tests must not vanish on a Python without torch
    raise ImportError("test_grpo needs PyTorch (Debian python3-torch): run the tests with /usr/bin/python3") from exc

from tests._support import shared_server
from arbiter_client import ArbiterClient
from arbiter_grpo import GRPOConfig, GRPOTrainer, aggregate, clipped_surrogate, grpo_loss, k3_kl
from arbiter_grpo.arithmetic import TASK_WORDS, make_problem, worked_completion
from arbiter_grpo.supervised import supervised_warmup
from arbiter_grpo.template import R1_ZERO_HEAD, R1_ZERO_TAIL, r1_zero_prompt
from arbiter_grpo.tiny_lm import CharTokenizer, TinyCausalLM

LN = math.log


def t(values, dtype=torch.float64):
    return torch.tensor(values, dtype=dtype)


class LossTest(unittest.TestCase):
    """ρ = exp(logp − old); l = −min(ρA, clip(ρ, 1−ε_low, 1+ε_high)A); ε_low 0.2, ε_high 0.28."""

    def test_clips_a_positive_advantage_above_one_plus_epsilon_high_only(self):
        ratios = [1.5, 0.5, 1.0, 1.1]
        loss, clipped = clipped_surrogate(t([[LN(r) for r in ratios]]), t([[0.0] * 4]), t([1.0]), 0.2, 0.28)
        for got, want in zip(loss[0].tolist(), [-1.28, -0.5, -1.0, -1.1]):
            self.assertAlmostEqual(got, want, places=12)
        self.assertEqual(clipped[0].tolist(), [1.0, 0.0, 0.0, 0.0])

    def test_clips_a_negative_advantage_below_one_minus_epsilon_low_only(self):
        ratios = [1.5, 0.5, 1.0, 0.9]
        loss, clipped = clipped_surrogate(t([[LN(r) for r in ratios]]), t([[0.0] * 4]), t([-2.0]), 0.2, 0.28)
        for got, want in zip(loss[0].tolist(), [3.0, 1.6, 2.0, 1.8]):
            self.assertAlmostEqual(got, want, places=12)
        self.assertEqual(clipped[0].tolist(), [0.0, 1.0, 0.0, 0.0])

    def test_k3_kl_matches_the_formula(self):
        # exp(ref − logp) − (ref − logp) − 1 with p = 0.5
        kl = k3_kl(t([LN(0.5), LN(0.5), LN(0.5)]), t([LN(0.25), 0.0, LN(0.5)]))
        self.assertAlmostEqual(kl[0].item(), 0.5 + LN(2) - 1, places=12)   # 0.193147
        self.assertAlmostEqual(kl[1].item(), 2 - LN(2) - 1, places=12)     # 0.306853
        self.assertEqual(kl[2].item(), 0.0)

    def test_token_and_sequence_aggregation(self):
        per_token = t([[1.0, 2.0, 3.0], [10.0, 99.0, 99.0]])
        mask = t([[1, 1, 1], [1, 0, 0]])
        self.assertAlmostEqual(aggregate(per_token, mask, "token").item(), 16.0 / 4)
        self.assertAlmostEqual(aggregate(per_token, mask, "sequence").item(), (2.0 + 10.0) / 2)
        self.assertAlmostEqual(aggregate(per_token, mask, "token", normalizer=8.0).item(), 16.0 / 8)
        with self.assertRaises(ValueError):
            aggregate(per_token, mask, "sum")

    def test_grpo_loss_with_kl_by_hand(self):
        # two completions: [ρ 1.5, ρ 1.0] with A = +1, [ρ 0.5, pad] with A = −1; β = 0.1, ref = log 0.25, p = 0.5
        logp = t([[LN(0.75), LN(0.5)], [LN(0.25), LN(0.5)]])
        old = t([[LN(0.5), LN(0.5)], [LN(0.5), LN(0.5)]])
        ref = t([[LN(0.25)] * 2] * 2)
        mask = t([[1, 1], [1, 0]])
        loss, stats = grpo_loss(logp, old, t([1.0, -1.0]), mask, beta=0.1, ref_logp=ref)
        kl = [0.25 / 0.75 - LN(0.25 / 0.75) - 1, 0.5 - LN(0.5) - 1, 1.0 - 0.0 - 1]
        surrogate = [-1.28, -1.0, 0.8]
        want = sum(s + 0.1 * k for s, k in zip(surrogate, kl)) / 3
        self.assertAlmostEqual(loss.item(), want, places=12)
        self.assertAlmostEqual(stats["kl"], sum(kl) / 3, places=12)
        self.assertAlmostEqual(stats["clip_fraction"], 2 / 3, places=12)
        with self.assertRaises(ValueError):
            grpo_loss(logp, old, t([1.0, -1.0]), mask, beta=0.1)

    def test_on_policy_gradient_is_minus_advantage_over_token_count(self):
        logp = t([[-1.0, -2.0, -0.5], [-0.3, -0.7, -0.1]]).requires_grad_(True)
        mask = t([[1, 1, 0], [1, 1, 1]])
        loss, _ = grpo_loss(logp, logp.detach(), t([0.5, -2.0]), mask)
        loss.backward()
        self.assertAlmostEqual(loss.item(), -(0.5 * 2 - 2.0 * 3) / 5, places=12)
        want = [[-0.5 / 5, -0.5 / 5, 0.0], [2.0 / 5] * 3]
        for got_row, want_row in zip(logp.grad.tolist(), want):
            for got, w in zip(got_row, want_row):
                self.assertAlmostEqual(got, w, places=12)

    def test_clipped_tokens_get_no_gradient(self):
        logp = t([[LN(1.5), LN(0.5)]]).requires_grad_(True)
        loss, _ = grpo_loss(logp, t([[0.0, 0.0]]), t([1.0]), t([[1, 1]]))
        loss.backward()
        self.assertEqual(logp.grad[0, 0].item(), 0.0)          # ρ 1.5 > 1.28 with A > 0: clipped
        self.assertAlmostEqual(logp.grad[0, 1].item(), -0.5 / 2)  # ρ 0.5 with A > 0: d(−ρA)/dlogp = −ρA

    def test_micro_batches_with_the_batch_normalizer_add_up_to_the_batch_loss(self):
        gen = torch.Generator().manual_seed(0)
        logp, old = torch.randn(4, 5, generator=gen, dtype=torch.float64), torch.randn(4, 5, generator=gen, dtype=torch.float64)
        adv, mask = torch.randn(4, generator=gen, dtype=torch.float64), t([[1] * 5, [1] * 2 + [0] * 3, [1] * 4 + [0], [1] + [0] * 4])
        for aggregation, norm in (("token", float(mask.sum())), ("sequence", 4.0)):
            whole, _ = grpo_loss(logp, old, adv, mask, aggregation=aggregation)
            parts = sum(grpo_loss(logp[s], old[s], adv[s], mask[s], aggregation=aggregation, normalizer=norm)[0]
                        for s in (slice(0, 1), slice(1, 4)))
            self.assertAlmostEqual(whole.item(), parts.item(), places=12)


def tiny_setup(seed=0, sft_steps=20):
    torch.manual_seed(seed)
    tokenizer = CharTokenizer(TASK_WORDS + (R1_ZERO_HEAD, R1_ZERO_TAIL))
    model = TinyCausalLM(tokenizer.vocab_size, d_model=32, n_layers=1, n_heads=2, max_positions=48)

    def pair(rng):
        problem = make_problem(rng, 9)
        return r1_zero_prompt(problem["prompt"]), worked_completion(problem)

    supervised_warmup(model, tokenizer, pair, steps=sft_steps, batch_size=16, learning_rate=1e-2, seed=seed)
    return tokenizer, model


class TrainerLiveTest(unittest.TestCase):
    """Two GRPO steps against a real `arbiter serve` (no mocks)."""

    @classmethod
    def setUpClass(cls):
        cls.server = shared_server()

    def test_two_steps_train_on_the_servers_advantages_with_finite_loss(self):
        tokenizer, model = tiny_setup()
        # a cosine (length-scaled) reward varies with length, so even a barely trained model gets non-zero advantages
        config = GRPOConfig(group_size=4, max_new_tokens=24, learning_rate=1e-3, beta=0.04, updates_per_batch=2,
                            generation_groups=2, micro_batch_groups=1, grading_threads=2,
                            rewards={"accuracy": 1, "format": 1, "cosine": {"max_length": 24}},
                            advantage={"preset": "trl"})
        rng = random.Random(5)
        client = ArbiterClient(self.server.url)
        self.addCleanup(client.close)
        before = [p.detach().clone() for p in model.parameters()]
        with GRPOTrainer(model, tokenizer, config, client=client, device=torch.device("cpu"),
                         generator=torch.Generator().manual_seed(1)) as trainer:
            results = [trainer.step([make_problem(rng, 9) for _ in range(3)]) for _ in range(2)]
        self.assertEqual(trainer.steps_done, 2)
        for n, result in enumerate(results, start=1):
            m = result.metrics
            self.assertEqual([g["id"] for g in result.groups], ["step%d-%d" % (n, i) for i in range(3)])
            self.assertEqual(m["completions"], 12)
            for key in ("loss", "kl", "grad_norm", "reward", "step_s"):
                self.assertTrue(math.isfinite(m[key]), (key, m[key]))
            self.assertGreaterEqual(m["kl"], 0.0)
            self.assertTrue(0.0 <= m["wait_fraction"] <= 1.0)
            server_advantages = [0.0 if r["advantage"] is None else r["advantage"]
                                 for g in result.groups for r in g["results"]]
            self.assertEqual(result.advantages.dtype, torch.float64)
            self.assertEqual(result.advantages.tolist(), server_advantages)   # exactly, not approximately
            self.assertTrue(any(a != 0 for a in server_advantages), server_advantages)
            # what was sent is what the server graded: grading it again gives the same advantages
            regraded = client.grade({"groups": result.sent_groups, "rewards": config.rewards,
                                     "advantage": config.advantage})
            self.assertEqual([r["advantage"] for g in regraded["groups"] for r in g["results"]],
                             [r["advantage"] for g in result.groups for r in g["results"]])
            self.assertEqual([c["text"] for g in result.sent_groups for c in g["completions"]], result.completions)
        self.assertTrue(any(not torch.equal(a, b) for a, b in zip(before, model.parameters())))

    def test_refuses_batch_scaled_advantages(self):
        tokenizer, model = tiny_setup(sft_steps=0)
        with self.assertRaisesRegex(ValueError, "batch"):
            GRPOTrainer(model, tokenizer, GRPOConfig(advantage={"preset": "trl", "scale": "batch"}),
                        client=ArbiterClient(self.server.url), device=torch.device("cpu"))


if __name__ == "__main__":
    unittest.main()
