/**
 * The one registry of error codes (README "Errors"). Every error a caller can see has a stable code
 * `AREA_PROBLEM`, an HTTP status, and a line in the docs; unknown errors never leak their message.
 */
export const ERROR_CODES = {
  REQUEST_INVALID: { status: 400, doc: 'The request does not match the schema; `problems` lists each one by JSON path.' },
  REWARDS_INVALID: { status: 400, doc: 'The reward configuration is inconsistent (e.g. cache_length > max_length); `field` names it.' },
  INPUT_LINE_INVALID: { status: 400, doc: 'A line of a JSONL input is not valid JSON or not a valid group (CLI).' },
  CONFIG_INVALID: { status: 500, doc: 'An environment variable or config file is invalid; the process refuses to start.' },
  GRADER_CLOSED: { status: 503, doc: 'The grader was closed while work was pending (shutdown).' },
  INTERNAL: { status: 500, doc: 'Unexpected fault; the message is logged, not returned.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem with an input, located by JSON path (`groups[3].completions[0]`). */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

/**
 * An error with a stable code. `problems` carries per-field detail for validation errors.
 * @example throw new AppError('REQUEST_INVALID', 'request is invalid', [{ path: 'groups', message: 'expected array' }])
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(problems.length > 0 ? `${message}: ${problems.map(formatProblem).join('; ')}` : message);
    this.status = ERROR_CODES[code].status;
  }
}

/** `groups[3].completions[0]: expected string` */
export function formatProblem(problem: Problem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}
