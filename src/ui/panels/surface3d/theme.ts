/** Colours of the 3D view on a light or dark page (both readable on a projector). */
export interface SceneTheme {
  background: string;
  frame: string;
  ambient: number;
  key: number;
}

export const SCENE_THEMES: Record<'light' | 'dark', SceneTheme> = {
  light: { background: '#ffffff', frame: '#8a919c', ambient: 1.5, key: 2.2 },
  dark: { background: '#101318', frame: '#59616e', ambient: 1.3, key: 2.4 },
};
