/**
 * Optimizers the tensor path can run: every core optimizer (src/core/optimizers/registry.ts)
 * plus the layer-wise ones, which need a norm over a whole tensor and so live beside tfjs.
 */
import type { OptimizerSpec } from '../../core/optimizers/optimizerSpec';
import { findOptimizer, OPTIMIZERS } from '../../core/optimizers/registry';
import { lamb } from './lamb';
import { lars } from './lars';

export const LAYERWISE_OPTIMIZERS: readonly OptimizerSpec[] = [lars, lamb];

export const TENSOR_OPTIMIZERS: readonly OptimizerSpec[] = [...OPTIMIZERS, ...LAYERWISE_OPTIMIZERS];

/** Look up by torch-style class name ("LAMB", "AdamW") or id ("lamb", "adamw"). */
export function findTensorOptimizer(typeOrId: string): OptimizerSpec | undefined {
  return (
    findOptimizer(typeOrId) ??
    LAYERWISE_OPTIMIZERS.find((o) => o.type === typeOrId || o.id === typeOrId)
  );
}
