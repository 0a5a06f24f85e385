import { api, el, field, showErrors, clearErrors, toast } from './api.js';
import { t, dateTime } from './i18n.js';

/** Charging points whose public key is also stored for another charging point: evseId -> the others. */
export function sharedKeys(answer) {
  const keys = Array.isArray(answer) ? answer : keyList(answer);
  const byKey = new Map();
  for (const key of keys) {
    const normalised = String(key.publicKey || '').replace(/\s/g, '').toLowerCase();
    if (!normalised) continue;
    if (!byKey.has(normalised)) byKey.set(normalised, []);
    byKey.get(normalised).push(key.evseId);
  }
  const shared = new Map();
  for (const evses of byKey.values()) {
    if (evses.length > 1) evses.forEach(evse => shared.set(evse, evses.filter(other => other !== evse)));
  }
  return shared;
}

function keyList(answer) {
  return Array.isArray(answer) ? answer : (answer.keys || answer.trustedKeys || []);
}

/** Trusted meter keys: state per charging point, confirm several at once, enter or remove; keys on several meters flagged. */
export function showKeys(container) {
  const table = el('div', { className: 'table-wrap', id: 'keys-table' });
  const form = el('form', { className: 'card', id: 'key-form', novalidate: true },
    el('h3', {}, t('keys.enter')),
    field(t('keys.evse'), { name: 'evseId', id: 'key-evse', required: true }),
    el('div', { className: 'field' }, el('label', { for: 'key-value' }, t('keys.key')),
      el('textarea', { id: 'key-value', name: 'publicKey', rows: 3, cols: 60, required: true })),
    el('button', { type: 'submit' }, t('keys.save')));
  container.append(el('h2', {}, t('keys.heading')), table, form);

  const load = async () => {
    const keys = keyList(await api('GET', '/api/v1/trusted-keys'));
    const shared = sharedKeys(keys);
    if (!keys.length) { table.replaceChildren(el('p', {}, t('keys.none'))); return; }
    const confirmButton = el('button', { type: 'button', id: 'confirm-selected' }, t('keys.confirmSelected'));
    table.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, el('span', { className: 'visually-hidden' }, t('keys.confirmSelected'))),
        ['keys.evse', 'keys.key', 'keys.state', 'keys.source', 'keys.stored'].map(k => el('th', {}, t(k))), el('th', {}, ''))),
      el('tbody', {}, keys.map(key => el('tr', { dataset: { evse: key.evseId } },
        el('td', {}, key.state === 'UNCONFIRMED' ? el('input', { type: 'checkbox', value: key.evseId, 'aria-label': t('keys.select', key.evseId) }) : ''),
        el('td', {}, key.evseId),
        el('td', {}, el('code', {}, String(key.publicKey).slice(0, 24) + '…'),
          shared.has(key.evseId) ? el('div', { className: 'flag' }, '⚠ ' + t('keys.shared', shared.get(key.evseId).length + 1) + ' (' + shared.get(key.evseId).join(', ') + ')') : ''),
        el('td', {}, t('keys.' + key.state)), el('td', {}, key.source || ''), el('td', {}, dateTime(key.storedAt)),
        el('td', {}, el('button', { type: 'button', className: 'danger', 'aria-label': t('keys.remove') + ' ' + key.evseId, onclick: async () => {
          if (!confirm(t('settings.confirmDelete', key.evseId))) return;
          await api('DELETE', '/api/v1/trusted-keys/' + encodeURIComponent(key.evseId)); load();
        } }, t('keys.remove'))))))),
      el('p', {}, confirmButton));
    confirmButton.addEventListener('click', async () => {
      const selected = [...table.querySelectorAll('input[type=checkbox]:checked')].map(box => box.value);
      for (const evse of selected) {
        try { await api('POST', '/api/v1/trusted-keys/' + encodeURIComponent(evse) + '/confirm'); } catch (e) { toast(evse + ': ' + e.message); }
      }
      load();
    });
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const data = new FormData(form);
    try {
      await api('PUT', '/api/v1/trusted-keys/' + encodeURIComponent(data.get('evseId').trim()), { publicKey: data.get('publicKey').trim() });
      toast(t('settings.saved'));
      form.reset();
      load();
    } catch (e) { showErrors(form, e); }
  });
  load().catch(e => table.replaceChildren(el('p', { className: 'form-error' }, e.message)));
}
