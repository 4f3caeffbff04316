export { findOptimizer as findTensorOptimizer } from '../../core/optimizers/registry';
