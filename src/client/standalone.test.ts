// The SDK stands alone: it bundles for a neutral platform (no Node built-ins) from src/client only (no
// packages, no server code; core types are erased), and its restated wire types equal the API's.
import type { Static } from '@sinclair/typebox';
import { build } from 'esbuild';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as Api from '../api/schemas.ts';
import type * as Sdk from './types.ts';

describe('the SDK', () => {
  it('bundles from src/client alone, for any JavaScript runtime', async () => {
    const result = await build({
      entryPoints: [new URL('./index.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'neutral',
      format: 'esm',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(5);
    expect(inputs.filter((path) => !path.startsWith('src/client/'))).toEqual([]);
  });

  it('declares the API-only shapes exactly as the API does', () => {
    expectTypeOf<Sdk.AdvantageResponse>().toEqualTypeOf<Api.AdvantageResponse>();
    expectTypeOf<Sdk.JobAccepted>().toEqualTypeOf<Static<typeof Api.JobAccepted>>();
    expectTypeOf<Sdk.ErrorBody>().toEqualTypeOf<Static<typeof Api.ErrorBody>>();
  });
});
