// The example host deck of docs/EMBED.md: slides, and the widgets on them driven by postMessage.
// Plain script (no build, no framework), so a lecturer can copy it; text goes in by textContent.
(function () {
  'use strict';

  const own = new URLSearchParams(location.search);
  // Where the site is: ?site=<its URL>, else the folder above this one (examples/ on the site).
  const site = new URL(own.get('site') || '../', location.href);
  const siteOrigin = site.origin;
  // Who may drive the widgets: this deck's origin unless the link names others (a test does).
  const allowed =
    own.get('allowedOrigins') ?? (location.protocol.startsWith('http') ? location.origin : '');
  // ?w=<embed query> (repeatable) replaces the deck's widget slides with one slide per query.
  const custom = own.getAll('w');

  const MAX_LOG = 12;
  const MAX_RECEIVED = 5000;
  /** Every message the widgets sent, oldest first (the console and the tests read it). */
  const received = [];
  const frames = new Map();
  let nextId = 1;

  function embedUrl(query) {
    const url = new URL('embed.html?' + query, site);
    if (allowed && !url.searchParams.has('allowedOrigins'))
      url.searchParams.set('allowedOrigins', allowed);
    return url.href;
  }

  function log(frame, text) {
    const item = document.createElement('li');
    item.textContent = text;
    frame.log.prepend(item);
    while (frame.log.children.length > MAX_LOG) frame.log.lastElementChild.remove();
  }

  /** Posts a command to a widget, addressed to the site's exact origin; returns its id. */
  function send(name, command) {
    const frame = frames.get(name);
    if (!frame) throw new Error('no widget named ' + name);
    const message = Object.assign({}, command, { id: nextId++ });
    frame.iframe.contentWindow.postMessage(message, siteOrigin);
    log(frame, '→ ' + JSON.stringify(message));
    return message.id;
  }

  function onWidgetMessage(frame, m) {
    if (received.length >= MAX_RECEIVED) received.shift();
    received.push({ frame: frame.name, message: m });
    switch (m.type) {
      case 'ready':
        frame.slide.dataset.ready = '1';
        frame.status.textContent =
          'Ready: the ' + m.widget + ' widget, ' + Object.keys(m.params || {}).length + ' settings.';
        log(frame, '← ready (' + m.widget + ')');
        break;
      case 'step':
        frame.steps++;
        frame.stepLine.textContent =
          'Step ' + m.step + ' of ' + m.steps + ' (' + frame.steps + ' step events).';
        break;
      case 'resize':
        // The frame's inside takes the widget's height (its borders added: a frame 2 px short
        // would show a scrollbar, narrow the widget, and make it taller on every round).
        frame.iframe.style.height =
          Math.max(160, Math.min(1600, m.height)) +
          (frame.iframe.offsetHeight - frame.iframe.clientHeight) +
          'px';
        log(frame, '← resize ' + m.height + ' px');
        break;
      case 'state': {
        const key = frame.keyInput.value;
        const shown = m.params && key in m.params ? ', ' + key + ' = ' + m.params[key] : '';
        log(frame, '← state (' + Object.keys(m.params || {}).length + ' keys' + shown + ')');
        break;
      }
      case 'reply':
        log(
          frame,
          '← reply #' + m.id + ' ' + m.command + ': ' + (m.ok ? 'ok' : 'error: ' + m.error),
        );
        if (!m.ok) frame.status.textContent = m.error;
        break;
      default:
        log(frame, '← ' + JSON.stringify(m));
    }
  }

  window.addEventListener('message', function (e) {
    // Only the site may speak, and only through one of this deck's frames.
    if (e.origin !== siteOrigin) return;
    const m = e.data;
    if (typeof m !== 'object' || m === null) return;
    for (const frame of frames.values())
      if (frame.iframe.contentWindow === e.source) return onWidgetMessage(frame, m);
  });

  function mountWidget(slide, template) {
    const name = slide.dataset.name;
    slide.append(template.content.cloneNode(true));
    const iframe = slide.querySelector('iframe');
    iframe.title = slide.dataset.title || 'Widget ' + name;
    iframe.src = embedUrl(slide.dataset.embed);
    const q = (sel) => slide.querySelector(sel);
    const frame = {
      name: name,
      slide: slide,
      iframe: iframe,
      log: q('.log'),
      status: q('.status'),
      stepLine: q('.step-line'),
      keyInput: q('.set-form [name=key]'),
      steps: 0,
    };
    frames.set(name, frame);
    frame.keyInput.value = slide.dataset.key || 'steps';
    q('.set-form [name=value]').value = slide.dataset.value || '';

    for (const button of slide.querySelectorAll('[data-send]'))
      button.addEventListener('click', function () {
        const type = button.dataset.send;
        send(name, type === 'step' ? { type: 'step', n: 10 } : { type: type });
      });
    q('.set-form').addEventListener('submit', function (e) {
      e.preventDefault();
      const form = e.currentTarget;
      const text = form.elements.value.value.trim();
      // A number goes as a number (the widget stringifies it), anything else as text.
      const value = text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
      send(name, { type: 'set', params: { [form.elements.key.value.trim()]: value } });
    });
    q('.seek-form').addEventListener('submit', function (e) {
      e.preventDefault();
      send(name, { type: 'seek', step: Number(e.currentTarget.elements.step.value) });
    });
  }

  const deck = document.getElementById('deck');
  if (custom.length > 0) {
    for (const s of deck.querySelectorAll('[data-embed]')) s.remove();
    const before = deck.lastElementChild;
    custom.forEach(function (query, i) {
      const slide = document.createElement('section');
      slide.className = 'slide';
      slide.setAttribute('aria-roledescription', 'slide');
      slide.dataset.name = 'w' + (i + 1);
      slide.dataset.embed = query;
      slide.dataset.title = 'Widget: ' + query;
      const h = document.createElement('h2');
      h.textContent = 'Widget ' + (i + 1) + ': ' + query;
      slide.append(h);
      deck.insertBefore(slide, before);
    });
  }
  const template = document.getElementById('widget-slide');
  for (const slide of deck.querySelectorAll('[data-embed]')) mountWidget(slide, template);

  // Slides: one shown at a time; the others are display: none (the widgets there pause).
  const slides = Array.from(deck.querySelectorAll('.slide'));
  const where = document.getElementById('where');
  let current = -1;
  function show(i) {
    const next = Math.max(0, Math.min(slides.length - 1, i));
    if (next === current) return;
    current = next;
    slides.forEach(function (s, k) {
      s.hidden = k !== current;
      s.setAttribute('aria-label', k + 1 + ' of ' + slides.length);
    });
    where.textContent = 'Slide ' + (current + 1) + ' of ' + slides.length;
    if (location.hash !== '#' + (current + 1)) history.replaceState(null, '', '#' + (current + 1));
  }
  const fromHash = () => show(Number(location.hash.slice(1)) - 1 || 0);
  document.getElementById('prev').addEventListener('click', () => show(current - 1));
  document.getElementById('next').addEventListener('click', () => show(current + 1));
  window.addEventListener('hashchange', fromHash);
  document.addEventListener('keydown', function (e) {
    const t = e.target;
    if (t instanceof HTMLInputElement || e.altKey || e.ctrlKey || e.metaKey) return;
    const by = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 }[e.key];
    if (by) show(current + by);
    else if (e.key === 'Home') show(0);
    else if (e.key === 'End') show(slides.length - 1);
    else return;
    e.preventDefault();
  });
  fromHash();

  // For the browser console (and the tests): deck.send('race', {type: 'play'}).
  window.deck = { send: send, received: received, widgets: Array.from(frames.keys()) };
})();
