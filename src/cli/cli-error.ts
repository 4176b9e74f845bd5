/**
 * A fatal command-line error: bad flags, an unreadable or invalid config file, a corrupt output file to
 * resume. main.ts prints `arbiter: <message>` and exits with `exitCode` (2 unless said otherwise).
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
