import { create } from 'zustand';

/**
 * What the embed page says about its link (its own keys and the widget's page's): shown as plain
 * text under the figure, which still draws at the defaults. Widgets of either family add theirs.
 */
export const useEmbedNotices = create<{ messages: readonly string[] }>()(() => ({
  messages: [],
}));

export function addEmbedNotices(messages: readonly string[]): void {
  if (messages.length === 0) return;
  for (const m of messages) console.warn(m);
  const seen = useEmbedNotices.getState().messages;
  useEmbedNotices.setState({ messages: [...seen, ...messages.filter((m) => !seen.includes(m))] });
}
