import { fenced, type HonestFixture } from '../code/fixture.ts';

const numbers = [1.0, 2.0, 3.9, 4.0, 5.0, 2.2];
const others = [1.0, 2.0, 5.9, 4.0, 5.0];
const spaced = [1.1, 2.2, 3.1, 4.1, 5.1];

/**
 * HumanEval style (HumanEval/0 and its check): the whole function with `from typing import List`, a
 * docstring and doctests. The wrong one compares only neighbours without sorting first.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    entry_point: 'has_close_elements',
    tests: [
      { args: [numbers, 0.3], expected: true },
      { args: [numbers, 0.05], expected: false },
      { args: [others, 0.95], expected: true },
      { args: [others, 0.8], expected: false },
      { args: [[1.0, 2.0, 3.0, 4.0, 5.0, 2.0], 0.1], expected: true },
      { args: [spaced, 1.0], expected: true },
      { args: [spaced, 0.5], expected: false },
    ],
  },
  correct: fenced('python', String.raw`
from typing import List


def has_close_elements(numbers: List[float], threshold: float) -> bool:
    """ Check if in given list of numbers, are any two numbers closer to each other than
    given threshold.
    >>> has_close_elements([1.0, 2.0, 3.0], 0.5)
    False
    >>> has_close_elements([1.0, 2.8, 3.0, 4.0, 5.0, 2.0], 0.3)
    True
    """
    for idx, elem in enumerate(numbers):
        for idx2, elem2 in enumerate(numbers):
            if idx != idx2 and abs(elem - elem2) < threshold:
                return True
    return False`),
  wrong: fenced('python', String.raw`
from typing import List


def has_close_elements(numbers: List[float], threshold: float) -> bool:
    """ Check if in given list of numbers, are any two numbers closer to each other than
    given threshold.
    """
    return any(abs(a - b) < threshold for a, b in zip(numbers, numbers[1:]))`),
  wrongStatus: 'incorrect',
};
