import { createContext, useContext } from 'react';
import type { SiteLook } from '../../io/siteLook';

/** The lesson page's look, which its figures' frames and links pass on. */
export const LessonLookContext = createContext<SiteLook>({ theme: 'light', large: false });

export const useLessonLook = (): SiteLook => useContext(LessonLookContext);
