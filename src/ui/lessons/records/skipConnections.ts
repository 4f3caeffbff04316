import type { LessonRecord } from '../types';

/**
 * The shipped slices (public/landscapes), read in the landscape page's link vocabulary. The lead
 * retrains those nets from time to time, so the lesson's text quotes no number of them: the
 * figures' facts lines and the body's TwinFacts read them when the page loads.
 */
export const skipConnections: LessonRecord = {
  id: 'skip-connections',
  number: 10,
  title: 'Skip connections and width',
  promise: 'Why ResNets train: smooth basins with skips, chaos without them.',
  status: 'ready',
  figures: [
    {
      id: 'skip-pair-56',
      widget: 'landscape-compare',
      query: 'model=resnet-56',
      caption:
        'ResNet-56 with and without skip connections: the same random, filter-normalised slice of each trained net, on one colour scale.',
      height: 640,
    },
    {
      id: 'skip-grid',
      widget: 'landscape-grid',
      query: '',
      caption:
        'Every shipped slice side by side: depth by row, with and without skip connections by column, one colour scale for all.',
      height: 1100,
    },
    {
      id: 'skip-slice-3d',
      widget: 'landscape',
      query: 'model=resnet-56&skip=off&view3d=1',
      caption:
        'The slice of ResNet-56 without skip connections in 3D (height is log loss): drag to turn it, or switch the skips back on.',
      height: 640,
    },
    {
      id: 'skip-curvature',
      widget: 'landscape',
      query: 'model=resnet-56&skip=off&curv=1',
      caption:
        'Where the same slice curves downward: blue where it is convex, yellow to red where its 2×2 Hessian has a negative eigenvalue.',
      height: 700,
    },
  ],
  body: () => import('../bodies/SkipConnectionsBody'),
};
