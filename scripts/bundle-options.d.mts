import type { BuildOptions } from 'esbuild';

/** The esbuild options every bundle of Arbiter shares (scripts/bundle-options.mjs). */
export declare const bundleOptions: BuildOptions;
