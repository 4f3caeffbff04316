import { useViewStore } from '../../state/viewStore';
import { useDocumentLook } from './useDocumentLook';

/** The race's theme and large type (its view store's) on <html>. */
export function useRaceLook(): void {
  const theme = useViewStore((s) => s.theme);
  const large = useViewStore((s) => s.large);
  useDocumentLook({ theme, large });
}
