import { describe, expect, it } from 'vitest';
import { createInProcessGrader } from './in-process-grader.ts';
import { mixedRequest } from '../../test-fixtures/queue/requests.ts';
import type { GroupResult } from '../core/schemas/result.ts';
import { assembleResponse } from './jobs-assemble.ts';

describe('assembleResponse', () => {
  it.each([['group'], ['batch'], ['none']] as const)('rebuilds the pipeline response from groups graded one by one (scale %s)', async (scale) => {
    const request = mixedRequest(4, { scale, std: 'population' });
    const grader = createInProcessGrader({ threads: 1, completionTimeoutMs: 10_000 });
    try {
      const whole = await grader.grade(request);
      const oneByOne: GroupResult[] = [];
      for (const group of request.groups) {
        const { groups } = await grader.grade({ ...request, groups: [group] });
        oneByOne.push(JSON.parse(JSON.stringify(groups[0])) as GroupResult);
      }
      expect(JSON.stringify(assembleResponse(oneByOne, request.advantage))).toBe(JSON.stringify(whole));
    } finally {
      await grader.close();
    }
  });
});
