import { api, el, field, showErrors, clearErrors } from './api.js';
import { t, number, dateTime } from './i18n.js';
import { lockIcon } from './lock.js';
import { sharedKeys } from './keys.js';

const PAGE = 1000;
const MAXIMUM_ROWS = 10000;

/** The transaction log: filters, energy sum, lock per session, CSV and signed-values XML downloads. */
export function showTransactions(container) {
  const form = el('form', { className: 'filters card', id: 'log-filters', novalidate: true },
    field(t('log.from'), { name: 'from', id: 'log-from', type: 'date' }),
    field(t('log.to'), { name: 'to', id: 'log-to', type: 'date' }),
    el('div', { className: 'field' }, el('label', { for: 'log-evse' }, t('log.evse')),
      el('select', { id: 'log-evse', name: 'evse' }, el('option', { value: '' }, t('log.all')))),
    field(t('log.user'), { name: 'user', id: 'log-user' }),
    el('button', { type: 'submit' }, t('log.filter')));
  const downloads = el('div', { className: 'downloads', id: 'downloads' });
  const summary = el('p', { id: 'log-sum', 'aria-live': 'polite' });
  const table = el('div', { className: 'table-wrap', id: 'log-table' });
  container.append(el('h2', {}, t('log.heading')), form, downloads, summary, table);

  api('GET', '/api/v1/evses').then(evses => {
    const select = form.querySelector('#log-evse');
    evses.forEach(evse => select.append(el('option', { value: evse.id }, evse.name + ' (' + evse.id + ')')));
  }).catch(() => {});

  const load = async () => {
    clearErrors(form);
    const data = new FormData(form);
    const query = new URLSearchParams();
    for (const name of ['from', 'to', 'evse', 'user']) if (data.get(name)) query.set(name, data.get(name).trim());
    renderDownloads(downloads, query);
    let transactions = [];
    let shared = new Map();
    try {
      let offset = 0;
      while (offset !== null && transactions.length < MAXIMUM_ROWS) {
        const page = new URLSearchParams(query);
        page.set('offset', offset);
        page.set('limit', PAGE);
        const answer = await api('GET', '/api/v1/transactions?' + page);
        transactions = transactions.concat(answer.transactions);
        offset = answer.next;
      }
      try { shared = sharedKeys(await api('GET', '/api/v1/trusted-keys')); } catch (e) { /* no Eichrecht bundle */ }
    } catch (e) {
      showErrors(form, e);
      return;
    }
    const energy = transactions.reduce((sum, tx) => sum + (tx.energyWattHours || 0), 0);
    summary.textContent = t('log.sum', number(energy / 1000, 3) + ' kWh', transactions.length);
    if (!transactions.length) { table.replaceChildren(el('p', {}, t('log.none'))); return; }
    table.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, ['log.id', 'log.evse', 'log.user', 'log.idTag', 'log.start', 'log.end'].map(k => el('th', {}, t(k))),
        el('th', { className: 'num' }, t('log.energy')), el('th', {}, t('log.signature')), el('th', {}, t('log.xmlOne')))),
      el('tbody', {}, transactions.map(tx => el('tr', { dataset: { transaction: tx.id } },
        el('td', { className: 'num' }, tx.id),
        el('td', {}, tx.evseId, shared.has(tx.evseId) ? el('div', { className: 'flag' }, '⚠ ' + t('log.sharedKey', shared.get(tx.evseId).join(', '))) : ''),
        el('td', {}, tx.userId || ''), el('td', {}, tx.idTag || ''),
        el('td', {}, dateTime(tx.start)), el('td', {}, tx.end ? dateTime(tx.end) : t('log.open')),
        el('td', { className: 'num' }, tx.energyWattHours === null ? '' : number(tx.energyWattHours / 1000, 3) + ' kWh'),
        el('td', { className: 'signature' }, lockIcon(tx.signatureStatus)),
        el('td', {}, tx.signedMeterValues && tx.signedMeterValues.length
          ? el('a', { href: '/api/v1/transactions/' + tx.id + '/signed-values.xml', download: '' }, t('log.xmlOne')) : ''))))));
  };
  form.addEventListener('submit', event => { event.preventDefault(); load(); });
  load();
}

function renderDownloads(box, query) {
  const csv = new URLSearchParams(query);
  const links = [
    el('a', { className: 'button', id: 'download-csv', href: '/api/v1/transactions.csv?' + csv, download: '' }, t('log.csv')),
    el('a', { className: 'button secondary', id: 'download-csv-all', href: '/api/v1/transactions.csv', download: '' }, t('log.csvAll')),
    el('a', { className: 'button secondary', id: 'download-xml-all', href: '/api/v1/signed-values.xml', download: '' }, t('log.xmlAll'))];
  if (query.get('evse')) {
    links.push(el('a', { className: 'button secondary', id: 'download-xml-evse',
      href: '/api/v1/signed-values.xml?evse=' + encodeURIComponent(query.get('evse')), download: '' }, t('log.xmlEvse')));
  }
  box.replaceChildren(...links);
}
