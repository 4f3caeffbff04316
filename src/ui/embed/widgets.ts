/**
 * The widget kinds `embed.html?widget=` shows, one record each: the only list (the embed page,
 * the Share / Embed dialog, the lessons' figures and docs/EMBED.md's table read it). A widget
 * belongs to the page whose stores and URL vocabulary it uses.
 */
export interface WidgetKind {
  id: string;
  family: 'race' | 'landscape' | 'map';
  title: string;
  /** One line for the dialog and the docs. */
  description: string;
  /** A sensible frame size at 1280 px, for the iframe snippet. */
  size: { width: number; height: number };
  /**
   * The controls `controls=compact` shows, by the names `<name>_hide=1` hides them with (the
   * most relevant first); `controls=full` shows the page's own control column instead. The
   * landscape kinds': model (depth), skip, plane (random or PCA), figure (contour or 3D), path
   * (the line's), train (Train and Cancel), lr, levels (the grid's log or paper contour levels);
   * the map's: preset (the menu and its blurb), mode (the colour mode), compute (Compute and Cancel).
   */
  controls: readonly string[];
}

export const WIDGETS: readonly WidgetKind[] = [
  {
    id: 'race',
    family: 'race',
    title: 'Optimizer race',
    description: 'Contour map, 3D surface and loss curves of the racers, with playback.',
    size: { width: 960, height: 640 },
    controls: ['play', 'step', 'lr'],
  },
  {
    id: 'contour',
    family: 'race',
    title: 'Race on the contour map',
    description: 'The racers’ paths on the surface’s contour map.',
    size: { width: 640, height: 560 },
    controls: ['play', 'step', 'lr'],
  },
  {
    id: 'surface3d',
    family: 'race',
    title: 'Race on the 3D surface',
    description: 'The racers’ paths on the surface in 3D; drag to orbit.',
    size: { width: 640, height: 560 },
    controls: ['play', 'step', 'lr'],
  },
  {
    id: 'loss-curves',
    family: 'race',
    title: 'Loss curves',
    description: 'Each racer’s loss by step (and its learning rate).',
    size: { width: 640, height: 420 },
    controls: ['play', 'step', 'lr'],
  },
  {
    id: 'schedule',
    family: 'race',
    title: 'Learning-rate schedule',
    description: 'The learning rate by step under the chosen schedule.',
    size: { width: 640, height: 360 },
    controls: ['sched', 'lr'],
  },
  {
    id: 'landscape',
    family: 'landscape',
    title: 'Loss landscape',
    description: 'One network’s 2-D loss slice, as a contour map or in 3D.',
    size: { width: 640, height: 600 },
    controls: ['model', 'skip', 'plane', 'figure'],
  },
  {
    id: 'landscape-compare',
    family: 'landscape',
    title: 'Landscapes side by side',
    description: 'A network with and without skip connections, on the same scale.',
    size: { width: 960, height: 560 },
    controls: ['model', 'plane'],
  },
  {
    id: 'landscape-grid',
    family: 'landscape',
    title: 'Every landscape side by side',
    description:
      'Every shipped slice, depth by row, with and without skip connections, on one colour scale.',
    size: { width: 960, height: 900 },
    controls: ['levels', 'figure'],
  },
  {
    id: 'line',
    family: 'landscape',
    title: 'Loss along a line',
    description:
      'Loss and accuracy along the line from the start to the trained weights, or a random direction.',
    size: { width: 640, height: 420 },
    controls: ['model', 'skip', 'path'],
  },
  {
    id: 'toy',
    family: 'landscape',
    title: 'Train a small network',
    description: 'An MLP on 2-D toy data: decision map, loss curve and its slice.',
    size: { width: 960, height: 640 },
    controls: ['train', 'lr'],
  },
  {
    id: 'map',
    family: 'map',
    title: 'Trainability map',
    description:
      'A grid of training runs, one per pair of hyperparameters, coloured by whether each converged or diverged; drag to zoom, click for a run.',
    size: { width: 720, height: 760 },
    controls: ['preset', 'mode', 'compute'],
  },
];

export const widgetById = (id: string): WidgetKind | undefined => WIDGETS.find((w) => w.id === id);
