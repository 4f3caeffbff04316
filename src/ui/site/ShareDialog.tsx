import { useEffect, useId, useRef, useState } from 'react';
import {
  FRAME_SIZE,
  frameSizeProblem,
  iframeSnippet,
  type EmbedControls,
} from '../../io/embedSnippet';
import { useClipboard } from '../useClipboard';
import type { ShareTarget } from './shareTarget';
import './shareDialog.css';

const CONTROLS: readonly { value: EmbedControls; label: string }[] = [
  { value: 'none', label: 'None (the figure alone)' },
  { value: 'compact', label: 'Compact' },
  { value: 'full', label: 'Full' },
];

/**
 * "Share / Embed": a button that opens the dialog for whatever `target()` says at the moment of
 * the click (the race's state changes between clicks). Focus returns to the button on close.
 */
export function ShareButton({
  target,
  theme,
  large,
}: {
  target: () => ShareTarget;
  theme: 'light' | 'dark';
  large: boolean;
}) {
  const [shown, setShown] = useState<ShareTarget | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" aria-haspopup="dialog" onClick={() => setShown(target())}>
        Share / Embed
      </button>
      {shown && (
        <ShareDialog
          target={shown}
          theme={theme}
          large={large}
          onClose={() => {
            setShown(null);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}

/**
 * The dialog: the link, and an `<iframe>` snippet for slides with its size, which controls the
 * frame shows, theme and type size, each with a Copy button. A modal `<dialog>`: the page behind
 * is inert (focus stays inside), Esc and Close close it.
 */
export function ShareDialog({
  target,
  theme,
  large,
  onClose,
}: {
  target: ShareTarget;
  theme: 'light' | 'dark';
  large: boolean;
  onClose(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [width, setWidth] = useState(String(target.size.width));
  const [height, setHeight] = useState(String(target.size.height));
  const [controls, setControls] = useState<EmbedControls>('compact');
  const [dark, setDark] = useState(theme === 'dark');
  const [big, setBig] = useState(large);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const problems = [
    frameSizeProblem('width', Number(width)),
    frameSizeProblem('height', Number(height)),
  ].filter((p): p is string => p !== null);
  const snippet = problems.length
    ? null
    : iframeSnippet({
        base: window.location.href,
        widget: target.widget,
        query: target.query,
        controls,
        theme: dark ? 'dark' : 'light',
        large: big,
        width: Number(width),
        height: Number(height),
        title: target.title,
      });

  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>Share / Embed: {target.title}</h2>
      <CopyField label="Link" what="Link" text={target.link} rows={2} />
      <fieldset className="share-options">
        <legend>Embed in slides</legend>
        <div className="share-size">
          <SizeField field="width" value={width} onChange={setWidth} />
          <SizeField field="height" value={height} onChange={setHeight} />
        </div>
        <fieldset className="share-controls">
          <legend>Controls in the frame</legend>
          {CONTROLS.map((c) => (
            <label key={c.value}>
              <input
                type="radio"
                name={`${headingId}-controls`}
                value={c.value}
                checked={controls === c.value}
                onChange={() => setControls(c.value)}
              />{' '}
              {c.label}
            </label>
          ))}
        </fieldset>
        <label>
          <input
            type="checkbox"
            checked={dark}
            onChange={(e) => setDark(e.currentTarget.checked)}
          />{' '}
          Dark theme
        </label>
        <label>
          <input type="checkbox" checked={big} onChange={(e) => setBig(e.currentTarget.checked)} />{' '}
          Large type (projectors)
        </label>
      </fieldset>
      {snippet !== null ? (
        <CopyField label="Embed code" what="Embed code" text={snippet} rows={5} />
      ) : (
        <p className="share-problem" role="alert">
          {problems.join('; ')}.
        </p>
      )}
      <div className="share-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}

/** The frame's width or height as typed; marked invalid while `frameSizeProblem` refuses it. */
function SizeField({
  field,
  value,
  onChange,
}: {
  field: 'width' | 'height';
  value: string;
  onChange(value: string): void;
}) {
  return (
    <label>
      {field === 'width' ? 'Width' : 'Height'} (px){' '}
      <input
        type="number"
        inputMode="numeric"
        min={FRAME_SIZE.min}
        max={FRAME_SIZE.max}
        value={value}
        aria-invalid={frameSizeProblem(field, Number(value)) !== null}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </label>
  );
}

/** A read-only text with its Copy button and a polite status (selected when copied by hand). */
function CopyField({
  label,
  what,
  text,
  rows,
}: {
  label: string;
  what: string;
  text: string;
  rows: number;
}) {
  const { outcome, copy } = useClipboard();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (outcome.kind === 'manual') {
      field.current?.focus();
      field.current?.select();
    }
  }, [outcome]);
  return (
    <div className="share-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={field}
        readOnly
        rows={rows}
        value={text}
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="share-copy">
        <button type="button" onClick={() => void copy(text)}>
          Copy {what.toLowerCase()}
        </button>
        <span role="status">
          {outcome.kind === 'copied'
            ? `${what} copied`
            : outcome.kind === 'manual'
              ? 'The clipboard is unavailable: the text is selected, copy it with Ctrl+C (⌘C)'
              : ''}
        </span>
      </div>
    </div>
  );
}
