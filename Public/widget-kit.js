/*
 * Helpers shared by the ShopTalk widget's scripts: elements, SVG nodes and icons with text set through
 * textContent, and numbers, money and dates in the reader's locale. Loaded first by widget.js.
 */
(() => {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';

  /** Creates an element with a class and optional text (always textContent). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, String(value));
    return node;
  }

  const ICONS = {
    chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
    send: 'M3 20l18-8L3 4v6l12 2-12 2z',
    close: 'M6 6l12 12M18 6L6 18',
    restart: 'M4 12a8 8 0 1 0 3-6.2M4 4v5h5',
    prev: 'M15 5l-7 7 7 7',
    next: 'M9 5l7 7-7 7',
  };

  /** One of the widget's 24×24 icons, hidden from screen readers (its button carries the label). */
  function icon(name) {
    const node = svg('svg', { viewBox: '0 0 24 24', width: 22, height: 22, 'aria-hidden': 'true', focusable: 'false' });
    const filled = name === 'chat' || name === 'send';
    node.append(svg('path', {
      d: ICONS[name], fill: filled ? 'currentColor' : 'none', stroke: filled ? 'none' : 'currentColor',
      'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round',
    }));
    return node;
  }

  function money(value, currency) {
    if (typeof value !== 'number' || !isFinite(value)) return '';
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'USD' }).format(value);
    } catch (_) {
      return `${value.toFixed(2)} ${currency || ''}`.trim();
    }
  }

  function number(value, digits) {
    if (typeof value !== 'number' || !isFinite(value)) return String(value ?? '');
    return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits ?? 2 }).format(value);
  }

  function day(iso) {
    if (!iso) return '';
    const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
    if (isNaN(date)) return String(iso);
    return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  }

  function words(text) { return String(text || '').replace(/_/g, ' '); }

  /** A value of a result in its unit: money, a percentage or a plain number. */
  function measured(value, unit, metric) {
    if (typeof value !== 'number') return String(value ?? '');
    if (unit === '%' || metric === 'margin' || /_rate$/.test(metric || '')) return `${number(value, 1)}%`;
    if (/^[A-Z]{3}$/.test(unit || '')) return money(value, unit);
    return number(value);
  }

  /** Keeps an image URL only when it is http(s) or relative: never javascript: or data:. */
  function safeImage(url) {
    if (typeof url !== 'string' || !url) return null;
    try {
      const parsed = new URL(url, location.href);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (_) {
      return null;
    }
  }

  window.ShopTalkKit = Object.freeze({
    el, svg, icon, money, number, day, words, measured, safeImage,
    scriptURL: (window.ShopTalkLoader && window.ShopTalkLoader.base) || new URL('widget.js', location.href),
  });
})();
