import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { idleRun, type RunRecord } from '../../src/state/run/runRecord';
import { RunButtons } from '../../src/ui/run/RunButtons';
import { RunStatus } from '../../src/ui/run/RunStatus';

const html = (el: ReactElement) => renderToStaticMarkup(el);
const status = (run: Partial<RunRecord>, more: Partial<Parameters<typeof RunStatus>[0]> = {}) =>
  html(
    createElement(RunStatus, {
      run: { ...idleRun(), ...run },
      verbs: ['Computing', 'Computed'],
      backendKey: 'data-map-backend',
      ...more,
    }),
  );

describe('the run status block', () => {
  it('shows nothing while idle', () => {
    expect(status({ status: 'idle', text: 'x', backend: 'wasm' })).toBe('');
  });

  it('names the backend and why, the progress with its caption, and the status line with its hooks', () => {
    const out = status(
      {
        status: 'running',
        text: 'Row 3…',
        backend: 'wasm',
        wanted: 'webgl',
        softwareWebgl: 'SwiftShader',
        reason: 'webgl: software rasteriser',
      },
      {
        progress: { label: 'Map progress', done: 3, total: 9, caption: '3/9 cells' },
        textHooks: { 'data-map-status': 'running' },
      },
    );
    expect(out).toContain('aria-live="polite"');
    expect(out).toContain('data-map-backend="wasm"');
    expect(out).toContain('Computing on');
    expect(out).toContain('Tried in order: webgl: software rasteriser');
    expect(out).toMatch(/<progress aria-label="Map progress" max="9" value="3"><\/progress>/);
    expect(out).toContain('<span>3/9 cells</span>');
    expect(out).toContain('data-map-status="running">Row 3…</p>');
    expect(out).not.toContain('role="alert"');
  });

  it('an error is an alert, "The computation failed" unless the run says otherwise', () => {
    expect(status({ status: 'error', error: 'out of memory' })).toContain(
      '<p class="ls-error" role="alert">The computation failed: out of memory</p>',
    );
    const own = status(
      { status: 'error', error: 'x' },
      { error: createElement('p', { role: 'alert' }, 'Training failed: x') },
    );
    expect(own).toContain('<p role="alert">Training failed: x</p>');
    expect(own).not.toContain('The computation failed');
  });
});

describe('the run buttons', () => {
  const buttons = (busy: boolean, s: RunRecord['status']) =>
    html(
      createElement(RunButtons, {
        label: 'Compute',
        onStart: () => {},
        busy,
        onCancel: () => {},
        status: s,
      }),
    );
  it('Start is off while busy; Cancel only for a running run', () => {
    expect(buttons(false, 'done')).toMatch(
      /primary">Compute<\/button><button type="button" disabled="">Cancel/,
    );
    expect(buttons(true, 'running')).toMatch(
      /disabled="">Compute<\/button><button type="button">Cancel/,
    );
    expect(buttons(true, 'cancelling')).toMatch(/disabled="">Cancel/);
  });
});
