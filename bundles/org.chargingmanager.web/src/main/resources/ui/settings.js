import { api, el, field, showErrors, clearErrors, toast } from './api.js';
import { t, number, lang, serverMessage } from './i18n.js';
import { certificateSection } from './certificate.js';

/** Settings: variables, the forms every bundle describes in its metatype (site, devices, rules), users. */
export function showSettings(container) {
  const variables = el('section', { id: 'variables-section', 'aria-labelledby': 'h-vars' });
  const site = el('section', { id: 'site-section' });
  const devices = el('section', { id: 'devices-section' });
  const evses = el('section', { id: 'evse-section' });
  const other = el('section', { id: 'other-section' });
  const users = el('section', { id: 'users-section' });
  const ocpp = el('section', { id: 'ocpp-section' });
  container.append(el('h2', {}, t('settings.heading')), variables, site, devices, evses, other, ocpp, users);
  loadVariables(variables);
  loadForms({ site, devices, evses, other });
  loadChargePoints(ocpp);
  loadUsers(users);
}

const evaluations = new WeakMap();
/** Computes a formula as the user types (debounced) and shows its result or its error below the field. */
function evaluateLive(input, preview) {
  clearTimeout(evaluations.get(input));
  evaluations.set(input, setTimeout(async () => {
    if (!input.value.trim()) { preview.textContent = ''; return; }
    try {
      const result = await api('GET', '/api/v1/variables/evaluate?expr=' + encodeURIComponent(input.value));
      preview.className = 'hint ok';
      preview.textContent = t('settings.result', result.value === null ? '–' : number(result.value, 2));
    } catch (e) {
      preview.className = 'hint error';
      preview.textContent = e.message;
    }
  }, 250));
}

async function loadVariables(section) {
  const list = await api('GET', '/api/v1/variables');
  const rows = list.vars.map(v => el('tr', { dataset: { variable: v.name } },
    el('td', {}, v.name), el('td', {}, String(v.expr)),
    el('td', { className: 'num' }, v.value === null ? (v.errorMessage ? serverMessage(v.errorMessage) : v.error || '–') : number(v.value, Number.isInteger(v.value) ? 0 : 2)),
    el('td', {}, el('button', { type: 'button', className: 'danger', 'aria-label': t('settings.delete') + ' ' + v.name,
      onclick: async () => {
        if (!confirm(t('settings.confirmDelete', v.name))) return;
        try { await api('DELETE', '/api/v1/variables/' + encodeURIComponent(v.name)); loadVariables(section); }
        catch (e) { toast(e.message); }
      } }, t('settings.delete')))));
  const form = el('form', { className: 'card', id: 'variable-form', novalidate: true },
    el('div', { className: 'row' },
      field(t('settings.varName'), { name: 'name', id: 'var-name', required: true, autocomplete: 'off' }),
      field(t('settings.varExpr'), { name: 'expr', id: 'var-expr', required: true, autocomplete: 'off', size: 40 })),
    el('p', { id: 'var-preview', className: 'hint', 'aria-live': 'polite' }),
    el('button', { type: 'submit', id: 'var-save' }, t('settings.varSave')));
  const expression = form.querySelector('[name=expr]');
  const preview = form.querySelector('#var-preview');
  expression.addEventListener('input', () => evaluateLive(expression, preview));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const name = form.querySelector('[name=name]').value.trim();
    if (!name) { showErrors(form, { field: 'name', message: t('settings.varName') + ' ?' }); return; }
    try {
      await api('PUT', '/api/v1/variables/' + encodeURIComponent(name), { expr: expression.value });
      toast(t('settings.saved'));
      loadVariables(section);
    } catch (e) { showErrors(form, e); }
  });
  section.replaceChildren(el('h3', { id: 'h-vars' }, t('settings.variables')),
    el('div', { className: 'table-wrap' }, el('table', { id: 'variables-table' },
      el('thead', {}, el('tr', {}, el('th', {}, t('settings.varName')), el('th', {}, t('settings.varExpr')),
        el('th', { className: 'num' }, t('settings.varValue')), el('th', {}, el('span', { className: 'visually-hidden' }, t('settings.delete'))))),
      el('tbody', {}, rows))),
    form);
}

async function loadForms(sections) {
  const { forms } = await api('GET', '/api/v1/config?lang=' + lang());
  const reload = () => loadForms(sections);
  const kind = k => forms.filter(f => f.kind === k);
  sections.site.replaceChildren(el('h3', {}, t('settings.site')),
    ...kind('settings').map(form => details(form.name, 'form-' + form.pid, configForm(form, form.values, 'PUT', form.pid, reload))));
  factorySection(sections.devices, t('settings.devices'), t('settings.addDevice'), kind('device'), reload, 'device');
  factorySection(sections.evses, t('settings.evses'), t('settings.addEvse'), kind('evse'), reload, 'evse');
  factorySection(sections.other, t('settings.other'), t('settings.addOther'), kind('other'), reload, 'other');
}

function details(title, id, content, open) {
  return el('details', { className: 'form', id, open }, el('summary', {}, title), content);
}

function factorySection(section, title, addTitle, factories, reload, prefix) {
  const instances = factories.flatMap(form => form.instances.map(instance => details(
    (instance.values.name || instance.values.id || instance.values.evseId || instance.pid) + ' · ' + form.name,
    'instance-' + instance.pid, configForm(form, instance.values, 'PUT', instance.pid, reload, true))));
  const typeId = prefix + '-type';
  const select = el('select', { id: typeId, name: 'type' }, el('option', { value: '' }, t('settings.choose')),
    factories.map(form => el('option', { value: form.pid }, form.name)));
  const slot = el('div', { id: prefix + '-add-form' });
  select.addEventListener('change', () => {
    const form = factories.find(f => f.pid === select.value);
    slot.replaceChildren(form ? configForm(form, {}, 'POST', form.pid, reload) : '');
  });
  section.replaceChildren(el('h3', {}, title),
    instances.length ? el('div', {}, instances) : el('p', { className: 'muted' }, t('settings.none')),
    factories.length ? details(addTitle, prefix + '-add', el('div', {},
      el('div', { className: 'field' }, el('label', { for: typeId }, addTitle === t('settings.addDevice') ? t('settings.deviceType') : addTitle), select),
      slot)) : '');
}

/** A form for one metatype definition: a labelled input per attribute, errors next to the field. */
function configForm(definition, values, method, pid, reload, deletable) {
  const form = el('form', { novalidate: true, dataset: { pid } });
  for (const attribute of definition.attributes) {
    const current = values[attribute.id] !== undefined ? values[attribute.id]
      : (method === 'POST' ? (attribute.multiple ? attribute.default : attribute.default[0]) : undefined);
    const id = 'cfg-' + pid.replace(/[^A-Za-z0-9]/g, '-') + '-' + attribute.id;
    const hint = [attribute.description, attribute.multiple ? t('settings.multiple') : ''].filter(Boolean).join(' ');
    let input;
    if (attribute.options && attribute.options.length) {
      input = el('select', { id, name: attribute.id },
        attribute.required ? '' : el('option', { value: '' }, '–'),
        attribute.options.map(o => el('option', { value: o.value, selected: String(current) === o.value }, o.label)));
    } else if (attribute.type === 'boolean') {
      input = el('select', { id, name: attribute.id },
        el('option', { value: 'true', selected: String(current) === 'true' }, t('settings.yes')),
        el('option', { value: 'false', selected: String(current) !== 'true' }, t('settings.no')));
    } else {
      input = el('input', { id, name: attribute.id, autocomplete: 'off',
        type: attribute.type === 'password' ? 'password' : (attribute.type === 'integer' || attribute.type === 'number') && !attribute.multiple ? 'text' : 'text',
        inputmode: attribute.type === 'integer' ? 'numeric' : attribute.type === 'number' ? 'decimal' : undefined,
        value: current === undefined || current === null ? '' : Array.isArray(current) ? current.join(', ') : String(current),
        'aria-describedby': hint ? id + '-hint' : undefined });
    }
    const preview = attribute.expression ? el('p', { className: 'hint', id: id + '-preview', 'aria-live': 'polite' }) : '';
    if (preview) input.addEventListener('input', () => evaluateLive(input, preview));
    form.append(el('div', { className: 'field' },
      el('label', { for: id }, attribute.name + (attribute.required ? ' *' : '')), input,
      hint ? el('p', { className: 'hint', id: id + '-hint' }, hint) : '', preview));
  }
  const buttons = el('div', { className: 'row' },
    el('button', { type: 'submit' }, method === 'POST' ? t('settings.add') : t('settings.save')));
  if (deletable) {
    buttons.append(el('button', { type: 'button', className: 'danger', onclick: async () => {
      if (!confirm(t('settings.confirmDelete', pid))) return;
      try { await api('DELETE', '/api/v1/config/' + encodeURIComponent(pid)); reload(); } catch (e) { showErrors(form, e); }
    } }, t('settings.delete')));
  }
  form.append(buttons);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const body = {};
    for (const attribute of definition.attributes) {
      const value = form.elements[attribute.id].value;
      body[attribute.id] = attribute.multiple ? value.split(',').map(v => v.trim()).filter(Boolean) : value;
    }
    try {
      await api(method, '/api/v1/config/' + encodeURIComponent(pid) + '?lang=' + lang(), { values: body });
      toast(t('settings.saved'));
      reload();
    } catch (e) { showErrors(form, e); }
  });
  return form;
}

/** OCPP wallboxes seen by the central system, approving those that wait; the certificates to download. */
async function loadChargePoints(section) {
  let answer;
  try { answer = await api('GET', '/api/v1/ocpp/chargepoints'); } catch (e) { section.replaceChildren(); return; }
  const chargePoints = Array.isArray(answer) ? answer : (answer.chargePoints || []);
  const certificate = el('div', { id: 'server-certificate' });
  section.replaceChildren(el('h3', {}, t('settings.ocpp')),
    certificate,
    chargePoints.length ? el('div', { className: 'table-wrap' }, el('table', { id: 'chargepoints-table' },
      el('thead', {}, el('tr', {}, ['settings.chargeBoxId', 'settings.connected', 'settings.registration', 'settings.model',
        'settings.securityProfile'].map(k => el('th', {}, t(k))), el('th', {}, el('span', { className: 'visually-hidden' }, t('settings.approve'))))),
      el('tbody', {}, chargePoints.map(cp => el('tr', { dataset: { chargeBox: cp.chargeBoxId } },
        el('td', {}, cp.chargeBoxId), el('td', {}, cp.connected ? t('settings.yes') : t('settings.no')), el('td', { className: 'registration' }, cp.registration || ''),
        el('td', {}, [cp.vendor, cp.model, cp.firmwareVersion].filter(Boolean).join(' ')),
        el('td', {}, cp.securityProfile ?? '–'),
        el('td', {}, cp.registration === 'Pending' ? el('button', { type: 'button', onclick: async () => {
          try { await api('POST', '/api/v1/ocpp/chargepoints/' + encodeURIComponent(cp.chargeBoxId) + '/approve'); loadChargePoints(section); }
          catch (e) { toast(e.message); }
        } }, t('settings.approve')) : '')))))) : el('p', { className: 'muted' }, t('settings.none')));
  certificateSection(certificate);
}

async function loadUsers(section) {
  let users = [];
  try { users = (await api('GET', '/api/v1/users')).users; } catch (e) { section.replaceChildren(); return; }
  const submit = el('button', { type: 'submit', id: 'user-submit' }, t('settings.addUser'));
  const cancel = el('button', { type: 'button', className: 'secondary', id: 'user-cancel', hidden: true }, t('dialog.cancel'));
  const form = el('form', { className: 'card', id: 'user-form', novalidate: true },
    el('div', { className: 'row' },
      field(t('settings.userId'), { name: 'id', id: 'user-id', required: true }),
      field(t('settings.userName'), { name: 'name', id: 'user-name' }),
      field(t('settings.rfid'), { name: 'rfidTags', id: 'user-rfid' }),
      field(t('settings.pins'), { name: 'pins', id: 'user-pins', autocomplete: 'off' }),
      field(t('settings.userEvses'), { name: 'allowedEvseIds', id: 'user-evses' })),
    el('div', { className: 'row' }, submit, cancel));
  const list = s => s.split(',').map(v => v.trim()).filter(Boolean);
  let editing = null; // the user being changed: PUT keeps what the form does not show (priority, expiry, blocked)
  const edit = user => {
    editing = user;
    clearErrors(form);
    form.elements.id.value = user.id;
    form.elements.id.readOnly = true;
    form.elements.name.value = user.name || '';
    form.elements.rfidTags.value = (user.rfidTags || []).join(', ');
    form.elements.pins.value = (user.pins || []).join(', ');
    form.elements.allowedEvseIds.value = (user.allowedEvseIds || []).join(', ');
    submit.textContent = t('settings.saveUser');
    cancel.hidden = false;
    form.elements.name.focus();
  };
  cancel.addEventListener('click', () => loadUsers(section));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const data = new FormData(form);
    const user = { ...(editing || {}), id: data.get('id').trim(), name: data.get('name'), rfidTags: list(data.get('rfidTags')),
      pins: list(data.get('pins')), allowedEvseIds: list(data.get('allowedEvseIds')) };
    try {
      if (editing) await api('PUT', '/api/v1/users/' + encodeURIComponent(editing.id), user);
      else await api('POST', '/api/v1/users', user);
      toast(t('settings.saved'));
      loadUsers(section);
    } catch (e) { showErrors(form, e); }
  });
  section.replaceChildren(el('h3', {}, t('settings.users')),
    el('div', { className: 'table-wrap' }, el('table', { id: 'users-table' },
      el('thead', {}, el('tr', {}, el('th', {}, t('settings.userId')), el('th', {}, t('settings.userName')),
        el('th', {}, t('settings.rfid')), el('th', { className: 'num' }, t('settings.pinCount')), el('th', {}, t('settings.userEvses')),
        el('th', {}, el('span', { className: 'visually-hidden' }, t('settings.actions'))))),
      el('tbody', {}, users.map(user => el('tr', { dataset: { user: user.id } },
        el('td', {}, user.id), el('td', {}, user.name || ''), el('td', {}, (user.rfidTags || []).join(', ')),
        el('td', { className: 'num' }, String((user.pins || []).length)),
        el('td', {}, (user.allowedEvseIds || []).length ? user.allowedEvseIds.join(', ') : t('settings.allEvses')),
        el('td', { className: 'row' },
          el('button', { type: 'button', className: 'secondary', 'aria-label': t('settings.change') + ' ' + user.id,
            onclick: () => edit(user) }, t('settings.change')),
          el('button', { type: 'button', className: 'danger', 'aria-label': t('settings.delete') + ' ' + user.id, onclick: async () => {
            if (!confirm(t('settings.confirmDelete', user.id))) return;
            try { await api('DELETE', '/api/v1/users/' + encodeURIComponent(user.id)); loadUsers(section); } catch (e) { toast(e.message); }
          } }, t('settings.delete')))))))),
    form);
}
