/**
 * A reward configuration that passes the schema but cannot be honoured (cache_length > max_length,
 * an unknown language target, …). The pipeline turns it into a 400 `REWARDS_INVALID` naming `field`.
 * @example throw new RewardConfigError('rewards.length.cache_length', 'must be ≤ max_length (16384), got 20000');
 */
export class RewardConfigError extends Error {
  override readonly name = 'RewardConfigError';

  constructor(
    /** Dotted path of the offending option, e.g. `rewards.length.cache_length`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
