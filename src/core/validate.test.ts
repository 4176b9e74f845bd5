import { describe, expect, it } from 'vitest';
import { GradeRequest } from './schemas/request.ts';
import { AppError } from './errors.ts';
import { createValidator, listProblems, toFieldPath } from './validate.ts';

const parseRequest = createValidator(GradeRequest);
const task = { type: 'text', answer: 'Paris' };

describe('request validation', () => {
  it('accepts a request with string and object completions', () => {
    const request = {
      groups: [{ id: 'g', task, completions: ['Paris', { text: 'Lyon', finish_reason: 'length', num_tokens: 3 }] }],
    };
    expect(parseRequest(request)).toBe(request);
  });

  it('names the JSON path of a completion of the wrong type', () => {
    const request = { groups: [{ task, completions: ['ok'] }, { task, completions: [42] }] };
    expect(listProblems(GradeRequest, request)).toMatchInlineSnapshot(`
      [
        {
          "message": "expected string or object",
          "path": "groups[1].completions[0]",
        },
      ]
    `);
  });

  it('lists every problem, including unknown fields and missing ones', () => {
    const request = { groups: [{ task: { type: 'text' }, completions: [{ txt: 'a' }], extra: 1 }], rewardz: {} };
    expect(listProblems(GradeRequest, request)).toMatchInlineSnapshot(`
      [
        {
          "message": "unknown field",
          "path": "rewardz",
        },
        {
          "message": "unknown field",
          "path": "groups[0].extra",
        },
        {
          "message": "required",
          "path": "groups[0].task.answer",
        },
        {
          "message": "required",
          "path": "groups[0].completions[0].text",
        },
        {
          "message": "unknown field",
          "path": "groups[0].completions[0].txt",
        },
      ]
    `);
  });

  it('names the accepted task types when the type is unknown', () => {
    const problems = listProblems(GradeRequest, { groups: [{ task: { type: 'chess' }, completions: ['e4'] }] });
    expect(problems).toEqual([{ path: 'groups[0].task', message: 'type: expected one of "math", "code", "text"' }]);
  });

  it('throws an AppError with status 400 and the problems in the message', () => {
    let caught: unknown;
    try {
      parseRequest({ groups: [] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).status).toBe(400);
    expect((caught as AppError).message).toMatchInlineSnapshot(`"invalid input: groups: expected array length to be greater or equal to 1"`);
  });

  it('turns JSON pointers into field paths', () => {
    expect(toFieldPath('/groups/3/completions/0')).toBe('groups[3].completions[0]');
    expect(toFieldPath('/a~1b/0', 'line')).toBe('line.a/b[0]');
  });

  it('names the wrong field of a stdio or call test, telling the two shapes apart by their fields', () => {
    const code = (test: unknown) => ({ groups: [{ task: { type: 'code', language: 'python', tests: [test] }, completions: ['x'] }] });
    expect(listProblems(GradeRequest, code({ args: [1], expected: 1, extra: true }))).toEqual([{ path: 'groups[0].task.tests[0].extra', message: 'unknown field' }]);
    expect(listProblems(GradeRequest, code({ input: '', output: 5 }))).toEqual([{ path: 'groups[0].task.tests[0].output', message: 'expected string' }]);
    expect(listProblems(GradeRequest, code({}))).toEqual([{ path: 'groups[0].task.tests[0]', message: 'expected {input, output} or {args, expected}' }]);
  });

  it('names an odd unknown field so the path reads back as that one field', () => {
    const group = { task, completions: ['x'], 'a.b': 1, '': 2, '7': 3, 'tab\there': 4 };
    expect(listProblems(GradeRequest, { groups: [group] }).map((p) => p.path)).toEqual([
      'groups[0].7',
      'groups[0]["a.b"]',
      'groups[0][""]',
      'groups[0]["tab\\there"]',
    ]);
  });
});
