import { el } from './api.js';
import { t, number } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 1000;
const HEIGHT = 220;
const DAY_MILLIS = 24 * 3600 * 1000;

function svg(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
}

/** Draws grid power and charging power of the last 24 h as two lines (SVG, no library). */
export function powerChart(box, history) {
  const now = Date.now();
  const start = now - DAY_MILLIS;
  const values = [...history.gridWatts, ...history.chargingWatts].filter(v => v !== null);
  const max = Math.max(1000, ...values.map(Math.abs));
  const min = Math.min(0, ...values);
  const x = time => ((time - start) / DAY_MILLIS) * WIDTH;
  const y = watts => HEIGHT - 20 - ((watts - min) / (max - min)) * (HEIGHT - 30);
  const line = (series, colour) => {
    const points = [];
    history.times.forEach((time, i) => { if (series[i] !== null) points.push(x(time).toFixed(1) + ',' + y(series[i]).toFixed(1)); });
    return svg('polyline', { points: points.join(' '), fill: 'none', stroke: colour, 'stroke-width': 2 });
  };
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', preserveAspectRatio: 'none',
    'aria-label': t('dash.chart') + ': ' + t('dash.gridPower') + ', ' + t('dash.chargingPower') });
  chart.append(svg('line', { x1: 0, x2: WIDTH, y1: y(0), y2: y(0), stroke: '#6b7682', 'stroke-width': 1 }));
  for (let hours = 0; hours <= 24; hours += 6) {
    const lineX = x(start + hours * 3600 * 1000);
    chart.append(svg('line', { x1: lineX, x2: lineX, y1: 0, y2: HEIGHT - 20, stroke: '#dfe4ea' }));
    const label = svg('text', { x: Math.min(WIDTH - 40, Math.max(2, lineX - 12)), y: HEIGHT - 4, 'font-size': 12, fill: '#4a5561' });
    label.textContent = hours === 24 ? '0 h' : '-' + (24 - hours) + ' h';
    chart.append(label);
  }
  const top = svg('text', { x: 4, y: 14, 'font-size': 12, fill: '#4a5561' });
  top.textContent = number(max / 1000, 1) + ' kW';
  chart.append(top, line(history.gridWatts, '#0b5cad'), line(history.chargingWatts, '#17632f'));
  box.replaceChildren(chart, el('div', { className: 'legend' },
    el('span', { className: 'grid' }, t('dash.gridPower')), el('span', { className: 'charging' }, t('dash.chargingPower'))));
}
