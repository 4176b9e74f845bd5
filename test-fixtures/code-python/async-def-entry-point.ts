import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * The entry point is an `async def`: its coroutine is run to the end on an event loop (as a JavaScript entry
 * point's promise is awaited, code/async-function-result) and what it returns is compared. The wrong one
 * forgets to await the gathered values and sums the tasks' count instead.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    entry_point: 'total_delayed',
    tests: [
      { args: [[1, 2, 3]], expected: 6 },
      { args: [[]], expected: 0 },
      { args: [[10, -4]], expected: 6 },
    ],
  },
  correct: fenced('python', String.raw`
import asyncio


async def delayed(x):
    await asyncio.sleep(0.001)
    return x


async def total_delayed(xs):
    return sum(await asyncio.gather(*(delayed(x) for x in xs)))`),
  wrong: fenced('python', String.raw`
import asyncio


async def delayed(x):
    await asyncio.sleep(0.001)
    return x


async def total_delayed(xs):
    tasks = [asyncio.ensure_future(delayed(x)) for x in xs]
    await asyncio.sleep(0.01)
    return len(tasks)`),
  wrongStatus: 'incorrect',
};
