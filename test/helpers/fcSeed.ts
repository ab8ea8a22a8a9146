/** FC_SEED=<seed> reruns a fast-check property with the seed a failure printed. */
export const fcSeed = (): { seed?: number } => (process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {});
