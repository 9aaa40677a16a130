// Runs in the page (page.evaluate of this file's text): visible form controls without a label,
// text whose contrast with its background is under 4.5:1 (WCAG AA, normal text), and the number
// of h1 and of each landmark. Plain JavaScript: the project's TypeScript has no DOM types.
(() => {
  const parse = (color) => {
    const m = (color.match(/[\d.]+/g) || []).map(Number);
    return [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1];
  };
  const luminance = ([r, g, b]) => {
    const f = (c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0.5) return c;
    }
    return [255, 255, 255, 1];
  };
  const visible = (el) => {
    const s = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return s.visibility !== 'hidden' && s.display !== 'none' && box.width > 1 && box.height > 1;
  };
  const unlabelled = [];
  document.querySelectorAll('input, select, textarea, button').forEach((el) => {
    if (!visible(el) || el.getAttribute('aria-hidden') === 'true' || el.type === 'hidden') return;
    const named = el.tagName === 'BUTTON' ? (el.textContent || '').trim() !== '' : (el.labels ? el.labels.length : 0) > 0 || el.hasAttribute('aria-label');
    if (!named) unlabelled.push(`${el.tagName.toLowerCase()}#${el.id}`);
  });
  const lowContrast = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || (node.textContent || '').trim() === '' || !visible(el) || el.closest('[aria-hidden="true"], .visually-hidden, option')) continue;
    const l1 = luminance(parse(getComputedStyle(el).color));
    const l2 = luminance(background(el));
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio < 4.5) lowContrast.push(`${(node.textContent || '').trim().slice(0, 30)} (${ratio.toFixed(2)})`);
  }
  const count = (selector) => document.querySelectorAll(selector).length;
  return {
    unlabelled,
    lowContrast: [...new Set(lowContrast)],
    h1: count('h1'),
    landmarks: { banner: count('body > header'), navigation: count('nav'), main: count('main'), contentinfo: count('body > footer') },
  };
})();
