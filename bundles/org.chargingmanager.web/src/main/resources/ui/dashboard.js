import { api, el, toast } from './api.js';
import { t, kw, number, dateTime, serverMessage } from './i18n.js';
import { powerChart } from './chart.js';

const POLL_MILLIS = 1500;
/** The settings dialog's module, loaded at the first click on a tile's Settings (not needed to show the dashboard). */
let dialogModule = null;

/** The dashboard: a tile per charging point and meter, the house connection, AVAIL and TARIF, the 24 h chart; live. */
export function showDashboard(container) {
  const status = el('span', { className: 'muted', id: 'live-status' });
  const variables = el('div', { className: 'card vars', id: 'variables', 'aria-live': 'off' });
  const house = el('div', { className: 'card', id: 'house' });
  const evseTiles = el('div', { className: 'tiles', id: 'evse-tiles' });
  const meterTiles = el('div', { className: 'tiles', id: 'meter-tiles' });
  const chart = el('div', { className: 'card chart', id: 'chart' });
  container.append(
    el('div', { className: 'row' }, el('h2', {}, t('dash.heading')), status),
    el('div', { className: 'site' }, house, variables),
    el('h2', {}, t('dash.evses')), evseTiles,
    el('h2', {}, t('dash.meters')), meterTiles,
    el('h2', {}, t('dash.chart')), chart);

  // the tiles are drawn anew on every update: a click on a tile's settings button opens its dialog
  let latest = null;
  container.addEventListener('click', event => {
    const button = event.target.closest('[data-settings]');
    if (!button || !latest) return;
    const [kind, id] = [button.dataset.settings, button.dataset.id];
    const item = (kind === 'evse' ? latest.evses : latest.meters).find(x => x.id === id);
    if (item) {
      import('./evse-dialog.js').then(module => { dialogModule = module; return module.openSettingsDialog(kind, item, button); })
        .catch(e => toast(e.message));
    }
  });

  let stopped = false;
  let source = null;
  let pollTimer = null;
  const render = site => {
    latest = site;
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.id : undefined;
    const focusedKind = focused !== undefined ? document.activeElement.dataset.settings : undefined;
    renderVariables(variables, site.variables);
    renderHouse(house, site.house);
    renderEvses(evseTiles, site.evses, site.variables);
    renderMeters(meterTiles, site.meters);
    if (focusedKind) { // keyboard users keep their place when the tiles are drawn anew
      const again = container.querySelector(`[data-settings="${focusedKind}"][data-id="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  };
  const poll = async () => {
    if (stopped) return;
    try { render(await api('GET', '/api/v1/dashboard')); } catch (e) { /* next round */ }
    pollTimer = setTimeout(poll, POLL_MILLIS);
  };
  const startPolling = () => {
    status.textContent = '(' + t('dash.polling') + ')';
    if (!pollTimer) poll();
  };
  if ('EventSource' in window) {
    source = new EventSource('/api/v1/events');
    source.addEventListener('site', event => {
      status.textContent = '(' + t('dash.live') + ')';
      render(JSON.parse(event.data));
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) startPolling();
    });
  } else {
    startPolling();
  }
  api('GET', '/api/v1/dashboard').then(render).catch(() => {});

  const drawChart = async () => {
    try { powerChart(chart, await api('GET', '/api/v1/history')); } catch (e) { /* next round */ }
  };
  drawChart();
  const chartTimer = setInterval(drawChart, 30000);

  return () => {
    if (dialogModule) dialogModule.closeSettingsDialog();
    stopped = true;
    if (source) source.close();
    clearTimeout(pollTimer);
    clearInterval(chartTimer);
  };
}

function variable(variables, name) {
  const found = (variables || []).find(v => v.name.toUpperCase() === name);
  return found ? found.value : null;
}

function renderVariables(box, variables) {
  const show = (label, name, id) => {
    const value = variable(variables, name);
    return el('div', {}, label, el('strong', { id }, value === null ? t('dash.notSet') : number(value, Number.isInteger(value) ? 0 : 2)));
  };
  box.replaceChildren(show(t('dash.avail'), 'AVAIL', 'var-avail'), show(t('dash.tarif'), 'TARIF', 'var-tarif'));
}

function phases(values, unit, digits) {
  if (!values) return '–';
  return ['l1', 'l2', 'l3'].map(p => number(values[p], digits)).join(' / ') + ' ' + unit;
}

function renderHouse(box, house) {
  const limitAmps = house.currentLimitAmps;
  const rows = [
    [t('dash.currentLimit'), limitAmps === null ? t('dash.noLimit') : number(limitAmps, 1) + ' A'],
    [t('dash.powerLimit'), house.powerLimitWatts === null ? t('dash.noLimit') : kw(house.powerLimitWatts)],
    [t('dash.gridPower'), house.gridPowerWatts === undefined ? '–' : kw(house.gridPowerWatts)],
    [t('dash.chargingPower'), kw(house.chargingPowerWatts)]
  ];
  const bars = [];
  if (house.currentAmps) {
    for (const p of ['l1', 'l2', 'l3']) {
      const amps = house.currentAmps[p];
      const share = limitAmps ? Math.max(0, Math.min(100, 100 * amps / limitAmps)) : 0;
      const fill = el('span', { className: share > 90 ? 'high' : '' });
      fill.style.width = share + '%'; // CSSOM: the page's CSP allows no style attributes
      bars.push(el('div', { className: 'phase' },
        el('span', {}, p.toUpperCase() + ': ' + number(amps, 1) + ' A' + (limitAmps ? ' / ' + number(limitAmps, 1) + ' A' : '')),
        el('div', { className: 'bar', role: 'img', 'aria-label': p.toUpperCase() + ' ' + Math.round(share) + ' %' }, fill)));
    }
  }
  box.replaceChildren(el('h3', {}, t('dash.house')),
    el('dl', {}, rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])), ...bars);
}

function reasonText(limit, variables) {
  if (!limit) return '';
  const avail = variable(variables, 'AVAIL');
  if (limit.reason === 'HOUSE_LIMIT' && avail !== null && avail < 100) return t('reason.CURTAILED', number(avail, 0));
  return t('reason.' + limit.reason);
}

function renderEvses(box, evses, variables) {
  if (!evses.length) { box.replaceChildren(el('p', {}, t('dash.noEvses'))); return; }
  box.replaceChildren(...evses.map(evse => {
    const plugged = ['PREPARING', 'CHARGING', 'SUSPENDED_EV', 'SUSPENDED_EVSE', 'FINISHING'].includes(evse.state);
    const limit = evse.limit;
    return el('article', { className: 'card tile', dataset: { evseId: evse.id }, 'aria-label': evse.name },
      el('h3', {}, el('span', {}, evse.name), el('span', { className: 'state ' + evse.state }, t('state.' + evse.state))),
      el('p', { className: 'power', dataset: { watts: evse.powerWatts ?? '' } }, kw(evse.powerWatts)),
      el('dl', {},
        el('dt', {}, t('dash.plugged')), el('dd', { className: 'plugged' }, plugged ? t('dash.pluggedYes') : t('dash.pluggedNo')),
        el('dt', {}, t('dash.current')), el('dd', {}, phases(evse.currentAmps, 'A', 1)),
        el('dt', {}, t('dash.limit')), el('dd', { className: 'limit' },
          limit ? number(limit.currentAmps, 1) + ' A: ' + reasonText(limit, variables) : '–'),
        el('dt', {}, t('dash.user')), el('dd', { className: 'user' }, userText(evse)),
        el('dt', {}, t('dash.energy')), el('dd', { className: 'energy' },
          evse.session && evse.session.energyWattHours !== undefined ? number(evse.session.energyWattHours / 1000, 2) + ' kWh' : '–'),
        ...(evse.plan ? [el('dt', {}, t('dash.plan')), el('dd', { className: 'plan' }, planText(evse.plan))] : [])),
      settingsButton('evse', evse));
  }));
}

function settingsButton(kind, item) {
  return el('button', { type: 'button', className: 'secondary tile-settings', dataset: { settings: kind, id: item.id },
    'aria-label': t('dash.settingsOf', item.name) }, t('dash.settings'));
}

/** "20.0 kWh by 07/12/2026, 07:00 · planned · 3.2 kWh charged", and why when the plan cannot be met. */
function planText(plan) {
  const parts = [number(plan.energyKilowattHours, 1) + ' kWh ' + t('plan.by') + ' ' + dateTime(plan.deadline),
    t('plan.' + plan.state), number(plan.deliveredKilowattHours, 1) + ' kWh ' + t('plan.charged')];
  if (plan.state === 'NOT_FEASIBLE' && plan.reason) parts.push(plan.reasonMessage ? serverMessage(plan.reasonMessage) : plan.reason);
  return parts.join(' · ');
}

/** Who charges: the open session's user (and tag), else the tag the charging point reports. */
function userText(evse) {
  const session = evse.session;
  if (session && session.userId) return session.idTag ? session.userId + ' (' + session.idTag + ')' : session.userId;
  const tag = (session && session.idTag) || evse.idTag;
  return tag || t('dash.nobody');
}

function renderMeters(box, meters) {
  box.replaceChildren(...meters.map(meter => el('article', { className: 'card tile', dataset: { meterId: meter.id }, 'aria-label': meter.name },
    el('h3', {}, el('span', {}, meter.name), el('span', { className: 'state' }, meter.role ? t('role.' + meter.role) : '')),
    el('p', { className: 'power' }, kw(meter.powerWatts)),
    el('dl', {},
      el('dt', {}, t('dash.perPhase')), el('dd', {}, meter.powerWattsPerPhase ? phases({
        l1: meter.powerWattsPerPhase.l1 / 1000, l2: meter.powerWattsPerPhase.l2 / 1000, l3: meter.powerWattsPerPhase.l3 / 1000 }, 'kW', 1) : '–'),
      el('dt', {}, t('dash.current')), el('dd', {}, phases(meter.currentAmps, 'A', 1))),
    settingsButton('meter', meter))));
}
