import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/async-function-result: the entry point drives coroutines with asyncio.run (an event loop,
 * its self-pipe and selector, inside the jail). The wrong one counts the awaitables instead of summing.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { call: 'sum_async', args: [[1, 2, 3]], expected: 6 },
      { call: 'sum_async', args: [[]], expected: 0 },
    ],
  },
  correct: fenced('python', String.raw`
import asyncio


async def _value(x):
    await asyncio.sleep(0)
    return x


async def _total(xs):
    return sum(await asyncio.gather(*(_value(x) for x in xs)))


def sum_async(xs):
    return asyncio.run(_total(xs))`),
  wrong: fenced('python', String.raw`
import asyncio


async def _total(xs):
    parts = [asyncio.sleep(0, x) for x in xs]
    done = await asyncio.gather(*parts)
    return len(done)


def sum_async(xs):
    return asyncio.run(_total(xs))`),
  wrongStatus: 'incorrect',
};
