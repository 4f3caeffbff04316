import { useState } from 'react';

/** The link's invalid parameters, each named, with the default used instead. Dismissable. */
export function UrlErrors({ messages }: { messages: readonly string[] }) {
  const [open, setOpen] = useState(true);
  if (!open || messages.length === 0) return null;
  return (
    <div className="url-errors" role="alert">
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setOpen(false)} aria-label="Dismiss URL messages">
        ×
      </button>
    </div>
  );
}
