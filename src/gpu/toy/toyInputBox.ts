/**
 * The box the toy sets live in, without tfjs: the landscape page's main thread draws the toy
 * data in it, and anything that imports tfjs there puts tfjs in the page's main bundle, where
 * tfjs reads (and chokes on) the page's own link at import time (`tfjsflags`, malformed escapes).
 */
import type { ViewBox } from '../../core/surfaces/surface';

/** The box the toy sets live in (toy2d.ts: roughly [−6, 6]²), as Playground draws it. */
export const TOY_INPUT_BOX: Readonly<ViewBox> = { xmin: -6, xmax: 6, ymin: -6, ymax: 6 };
