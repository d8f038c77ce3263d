/** The reference engine's public API: pure functions and plain data, no DOM, Node or framework imports. */
export * from './activations.ts';
export * from './chain.ts';
export * from './format.ts';
export * from './prng.ts';
export * from './datasets.ts';
export * from './init.ts';
export * from './batchnorm.ts';
export * from './mlp.ts';
export * from './train.ts';
export * from './flow.ts';
export * from './diagnostics.ts';
