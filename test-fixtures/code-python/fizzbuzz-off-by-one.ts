import { fenced, type HonestFixture } from '../code/fixture.ts';

const expected = (n: number) =>
  Array.from({ length: n }, (_, i) => i + 1)
    .map((i) => (i % 15 === 0 ? 'FizzBuzz' : i % 3 === 0 ? 'Fizz' : i % 5 === 0 ? 'Buzz' : String(i)))
    .join('\n') + '\n';

/** Twin of code/fizzbuzz-off-by-one: stdio with input(); the wrong one's range stops one short. */
export const fixture: HonestFixture = {
  task: { type: 'code', language: 'python', tests: [3, 5, 15, 16].map((n) => ({ input: `${n}\n`, output: expected(n) })) },
  correct: fenced('python', String.raw`
n = int(input())
for i in range(1, n + 1):
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)`),
  wrong: fenced('python', String.raw`
n = int(input())
for i in range(1, n):
    print("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else i)`),
  wrongStatus: 'incorrect',
};
