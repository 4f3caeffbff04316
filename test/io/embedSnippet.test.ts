import { describe, expect, it } from 'vitest';
import {
  embedUrl,
  escapeAttribute,
  frameSizeProblem,
  iframeSnippet,
  type SnippetChoice,
} from '../../src/io/embedSnippet';

const BASE = 'https://teach.example/lab/race.html';
const choice = (over: Partial<SnippetChoice> = {}): SnippetChoice => ({
  base: BASE,
  widget: 'race',
  query: '?opt=adam,sgd&lr.adam=0.01',
  controls: 'compact',
  theme: 'light',
  large: false,
  width: 960,
  height: 640,
  title: 'Optimizer race',
  ...over,
});

/** The attributes of a snippet that is one empty iframe tag and nothing else, entity-decoded. */
function attributes(snippet: string): Record<string, string> {
  const tag = /^<iframe((?: [a-z]+="[^"<>]*")*)><\/iframe>$/.exec(snippet);
  if (!tag) throw new Error(`not one inert iframe: ${snippet}`);
  const unescape = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return Object.fromEntries(
    [...tag[1].matchAll(/ ([a-z]+)="([^"]*)"/g)].map((m) => [m[1], unescape(m[2])]),
  );
}

describe('embedUrl', () => {
  it('puts embed.html beside the page, the widget first, the state, then the dialog choices', () => {
    expect(embedUrl(choice({ theme: 'dark', large: true }))).toBe(
      'https://teach.example/lab/embed.html?widget=race&opt=adam,sgd&lr.adam=0.01&controls=compact&theme=dark&large=1',
    );
  });

  it("replaces the page's own theme, large, controls and widget with the dialog's", () => {
    const url = new URL(
      embedUrl(
        choice({ query: 'theme=dark&large=1&widget=x&controls=full&steps=50', controls: 'none' }),
      ),
    );
    expect([...url.searchParams]).toEqual([
      ['widget', 'race'],
      ['steps', '50'],
    ]);
  });

  it('keeps percent-escapes as written and encodes what a URL cannot hold', () => {
    const url = new URL(embedUrl(choice({ query: 'label.adam=a%20b&label.sgd=x y"<z>&seed=5%' })));
    expect(url.searchParams.get('label.adam')).toBe('a b');
    expect(url.searchParams.get('label.sgd')).toBe('x y"<z>');
    expect(url.searchParams.get('seed')).toBe('5%');
  });
});

describe('iframeSnippet', () => {
  it('is one lazy, titled iframe with the size and no allow permissions', () => {
    const a = attributes(iframeSnippet(choice()));
    expect(a).toEqual({
      src: embedUrl(choice()),
      title: 'Optimizer race',
      width: '960',
      height: '640',
      loading: 'lazy',
      style: 'border:0;max-width:100%',
    });
    expect(a.allow).toBeUndefined();
  });

  it('keeps a hostile query and title inert: &, ", <, > and quotes stay inside their attribute', () => {
    const hostile = `"><script>alert(1)</script><x a='`;
    const snippet = iframeSnippet(
      choice({ query: `label.adam=${hostile}&lr.adam=0.1&x="&y=<b>`, title: `Figure ${hostile}` }),
    );
    expect(snippet.match(/</g)).toHaveLength(2);
    const a = attributes(snippet);
    expect(a.title).toBe(`Figure ${hostile}`);
    const url = new URL(a.src);
    expect(url.searchParams.get('label.adam')).toBe(hostile);
    expect(url.searchParams.get('lr.adam')).toBe('0.1');
    expect(url.searchParams.get('x')).toBe('"');
    expect(url.searchParams.get('y')).toBe('<b>');
  });

  it('refuses a size out of range, naming the field', () => {
    expect(() => iframeSnippet(choice({ width: 50 }))).toThrow(/^width must be/);
    expect(() => iframeSnippet(choice({ height: 1.5 }))).toThrow(/^height must be/);
    expect(frameSizeProblem('width', 640)).toBeNull();
    expect(frameSizeProblem('height', Number.NaN)).toMatch(/^height/);
  });
});

describe('escapeAttribute', () => {
  it('escapes the five characters that matter in a quoted attribute', () => {
    expect(escapeAttribute(`a&b"c'd<e>f`)).toBe('a&amp;b&quot;c&#39;d&lt;e&gt;f');
  });
});
