/**
 * The 2D drawing context the painters in src/draw take: a page's <canvas> or an OffscreenCanvas
 * in a worker (the race worker draws the trajectories itself). Painters use only what both have.
 */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
