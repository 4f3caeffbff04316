import type { ReactNode } from 'react';
import { PanelErrorBoundary } from '../landscape/PanelErrorBoundary';
import { hasWebGL } from '../webgl';

/**
 * Every 3D view goes through this gate. Without WebGL a short message takes the view's place
 * before three.js is even loaded, and the rest of the page (the 2D race, the charts, the
 * controls) works on; a renderer that fails anyway (a context refused later) is caught the same
 * way, inside the panel.
 */
export function ThreeDGate({ name, children }: { name: string; children: ReactNode }) {
  return (
    <PanelErrorBoundary
      name={name}
      what="The 3D view (it needs WebGL)"
      unavailable={
        hasWebGL()
          ? null
          : 'WebGL is turned off or not supported here. Everything else on this page works without it.'
      }
    >
      {children}
    </PanelErrorBoundary>
  );
}
