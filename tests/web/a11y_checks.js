// Basic accessibility checks run in every page by test_accessibility.py.
// Returns a list of problems (empty when the page passes).
(() => {
  const problems = [];
  const name = (el) => (el.getAttribute('aria-label') || el.textContent || el.value || el.title || '').trim();
  if (!document.documentElement.lang) problems.push('html has no lang');
  const h1 = document.querySelectorAll('h1');
  if (h1.length !== 1) problems.push(`expected one h1, found ${h1.length}`);
  if (!document.querySelector('main')) problems.push('no main landmark');
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden' || el.closest('[hidden]')) continue;
    const labelled = (el.labels && el.labels.length) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (!labelled) problems.push(`unlabelled ${el.tagName.toLowerCase()} name=${el.name}`);
  }
  for (const el of document.querySelectorAll('button, a[href]')) {
    if (!name(el) && !el.querySelector('img[alt], svg[aria-label], title')) problems.push(`unnamed ${el.tagName.toLowerCase()} ${el.outerHTML.slice(0, 80)}`);
  }
  for (const svg of document.querySelectorAll('svg[role=img]')) {
    if (!svg.querySelector('title') && !svg.getAttribute('aria-label')) problems.push('chart without a title');
  }
  for (const img of document.querySelectorAll('img')) { if (!img.hasAttribute('alt')) problems.push('img without alt'); }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
  return problems;
})
