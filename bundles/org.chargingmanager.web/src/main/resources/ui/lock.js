import { el } from './api.js';
import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The lock of a session's signed data: green verified, yellow not verifiable, red FAILED, nothing without data. */
export function lockIcon(status) {
  if (!status || status === 'NONE') return el('span', { className: 'lock NONE muted' }, '–');
  const icon = document.createElementNS(SVG, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  const body = document.createElementNS(SVG, 'rect');
  Object.entries({ x: 4, y: 10, width: 16, height: 12, rx: 2, fill: 'currentColor' }).forEach(([k, v]) => body.setAttribute(k, v));
  const shackle = document.createElementNS(SVG, 'path');
  shackle.setAttribute('d', status === 'FAILED' ? 'M8 10V6a4 4 0 0 1 8 0' : 'M8 10V7a4 4 0 0 1 8 0v3');
  shackle.setAttribute('fill', 'none');
  shackle.setAttribute('stroke', 'currentColor');
  shackle.setAttribute('stroke-width', '2.5');
  icon.append(shackle, body);
  return el('span', { className: 'lock ' + status, dataset: { status }, title: t('lock.' + status) }, icon, t('lock.' + status));
}
