/** A racer's `label.<key>=` link key, spaces as '+', so a figure's legend reads as its text. */
export const racerLabel = (key: string, text: string): string =>
  `label.${key}=${encodeURIComponent(text).replace(/%20/g, '+')}`;
