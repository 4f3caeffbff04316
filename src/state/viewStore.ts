import { create } from 'zustand';
import { defaultViewState, type ViewState } from './raceState';

export interface ViewActions {
  setTheme(theme: ViewState['theme']): void;
  setLarge(large: boolean): void;
  setLrAxis(axis: ViewState['lrAxis']): void;
  setLogHeight(on: boolean): void;
  setShow3d(on: boolean): void;
  setArrows(on: boolean): void;
  replace(v: ViewState): void;
}

/** How the page looks: theme, large type, the 3D log-height option. */
export const useViewStore = create<ViewState & ViewActions>()((set) => ({
  ...defaultViewState(),
  setTheme: (theme) => set({ theme }),
  setLarge: (large) => set({ large }),
  setLrAxis: (lrAxis) => set({ lrAxis }),
  setLogHeight: (logHeight) => set({ logHeight }),
  setShow3d: (show3d) => set({ show3d }),
  setArrows: (arrows) => set({ arrows }),
  replace: (v) => set(v),
}));
