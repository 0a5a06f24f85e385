import { api, el, showErrors, clearErrors, toast } from './api.js';
import { t, number, lang, serverMessage } from './i18n.js';

// The settings dialog behind a tile: for a charging point its load management (enable, charging
// mode, priority, currents, power, phase rotation), its wallbox (the driver's own form), its
// calibration-law meter key and internal signing, OCPP specifics and who may charge there; for a
// meter its driver's form. Each part is one configuration (see docs/web-ui.md), saved only when
// changed, all changed parts in one request: the server checks them all and stores them only if
// every one is good; each refused value is shown at its field and nothing is stored.

const CORE = 'org.chargingmanager.core.evse';
const EICHRECHT = 'org.chargingmanager.eichrecht.evse';
const OCPP_SERVER = 'org.chargingmanager.ocpp.server';
const MODES = ['FAST', 'MIN_PV', 'PV_ONLY', 'OFF'];

let dialog = null;

/** Closes the dialog without saving (the page is left). */
export function closeSettingsDialog() {
  if (dialog) dialog.close();
}

/** Opens the dialog for a charging point (kind 'evse') or a meter (kind 'meter') of the dashboard. */
export async function openSettingsDialog(kind, item, opener) {
  const [{ forms }, users] = await Promise.all([api('GET', '/api/v1/config?lang=' + lang()),
    kind === 'evse' ? api('GET', '/api/v1/users').then(a => a.users).catch(() => null) : null]);
  const parts = [];
  if (kind === 'evse') {
    addPart(parts, forms, CORE, item.id, coreFields);
  }
  const device = deviceOf(forms, item.id);
  if (device) parts.push({ key: 'device', form: device.form, instance: device.instance, render: deviceFields });
  if (kind === 'evse') {
    if (item.driver === 'ocpp') {
      const ocpp = forms.find(f => f.pid === OCPP_SERVER);
      if (ocpp) parts.push({ key: 'ocpp', form: ocpp, instance: { pid: OCPP_SERVER, values: ocpp.values }, render: ocppFields });
    }
    addPart(parts, forms, EICHRECHT, item.id, eichrechtFields);
    forms.filter(f => f.kind === 'evse' && f.pid !== CORE && f.pid !== EICHRECHT)
      .forEach((form, i) => addPart(parts, forms, form.pid, item.id, genericFields, 'extra' + i));
  }
  show(kind, item, parts, users, opener);
}

function addPart(parts, forms, pid, evseId, render, key) {
  const form = forms.find(f => f.pid === pid);
  if (!form) return;
  const instance = form.instances.find(i => i.values.evseId === evseId) || null;
  parts.push({ key: key || pid.split('.')[2], form, instance, evseId, render });
}

/** The device configuration a charging point or meter comes from: its id, or its id plus "-connector". */
function deviceOf(forms, id) {
  let best = null;
  for (const form of forms.filter(f => f.kind === 'device')) {
    for (const instance of form.instances) {
      const deviceId = instance.values.id;
      if (deviceId && (id === deviceId || id.startsWith(deviceId + '-'))
          && (!best || deviceId.length > best.instance.values.id.length)) best = { form, instance };
    }
  }
  return best;
}

function show(kind, item, parts, users, opener) {
  if (dialog) dialog.remove();
  const title = t('dialog.title', item.name);
  const form = el('form', { id: 'settings-dialog-form', novalidate: true });
  const identity = [item.driver, ...(item.device ? [item.device.vendor, item.device.model, item.device.serialNumber,
    item.device.firmwareVersion] : [])].filter(Boolean).join(' · ');
  form.append(el('h2', { id: 'settings-dialog-title' }, title), el('p', { className: 'muted' }, item.id + (identity ? ' · ' + identity : '')));
  for (const part of parts) {
    part.values = valuesOf(part);
    part.container = part.render(part);
    part.dirty = false;
    part.container.addEventListener('input', () => { part.dirty = true; });
    part.container.addEventListener('change', () => { part.dirty = true; });
    form.append(part.container);
  }
  if (kind === 'evse' && users) form.append(usersPart(item, users));
  if (!parts.length) form.append(el('p', {}, t('dialog.nothing')));
  const cancel = el('button', { type: 'button', className: 'secondary', id: 'settings-dialog-cancel' }, t('dialog.cancel'));
  form.append(el('div', { className: 'row dialog-buttons' }, el('button', { type: 'submit', id: 'settings-dialog-save' }, t('settings.save')), cancel));
  dialog = el('dialog', { id: 'settings-dialog', 'aria-labelledby': 'settings-dialog-title', dataset: { item: item.id } }, form);
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    dialog = null;
    // the tiles may have been drawn anew meanwhile: back to this tile's button
    const button = opener && opener.isConnected ? opener
      : document.querySelector(`[data-settings="${kind}"][data-id="${CSS.escape(item.id)}"]`);
    if (button) button.focus();
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const changed = parts.filter(p => p.dirty);
    if (changed.length) {
      try {
        // all parts in one request: the server checks every one and stores them only if all are good
        await api('POST', '/api/v1/config?lang=' + lang(), { changes: changed.map(part => change(part, form)) });
      } catch (e) {
        showPartErrors(form, changed, e);
        return;
      }
      changed.forEach(part => { part.dirty = false; });
    }
    toast(t('settings.saved'));
    dialog.close();
  });
  document.body.append(dialog);
  dialog.showModal();
}

/** The stored values, else the form's defaults, of every attribute. */
function valuesOf(part) {
  const values = {};
  const stored = part.instance ? part.instance.values : {};
  for (const attribute of part.form.attributes) {
    values[attribute.id] = stored[attribute.id] !== undefined ? stored[attribute.id]
      : (attribute.multiple ? attribute.default : attribute.default[0]);
  }
  if (part.evseId) values.evseId = part.evseId;
  return values;
}

/** Each refused part's error at its field (the first gets the focus), or the request's error at the form. */
function showPartErrors(form, changed, error) {
  const errors = error.body && Array.isArray(error.body.errors) ? error.body.errors : [];
  if (!errors.length) {
    const part = error.body && changed[error.body.change];
    if (part && error.field) error.field = part.key + '.' + error.field;
    showErrors(form, error);
    return;
  }
  errors.forEach((body, i) => {
    const part = changed[body.change];
    showErrors(form, { message: serverMessage(body), field: part && body.field ? part.key + '.' + body.field : undefined }, i > 0);
  });
}

/** One part as a change: the dialog's fields over the stored values (an empty password keeps the stored one). */
function change(part, form) {
  const body = {};
  for (const attribute of part.form.attributes) {
    const name = part.key + '.' + attribute.id;
    const inputs = form.querySelectorAll(`[name="${CSS.escape(name)}"]`);
    let value = part.values[attribute.id];
    if (inputs.length) {
      const input = inputs[0];
      if (input.type === 'radio') value = [...inputs].find(i => i.checked)?.value ?? value;
      else if (input.type === 'checkbox') value = input.checked;
      else value = input.value;
    } else if (attribute.type === 'password') {
      value = '';
    }
    if (attribute.multiple && typeof value === 'string') value = value.split(',').map(v => v.trim()).filter(Boolean);
    body[attribute.id] = value === undefined || value === null ? '' : value;
  }
  return part.instance ? { pid: part.instance.pid, values: body } : { factoryPid: part.form.pid, values: body };
}

function input(part, id, attributes, label, hint) {
  const inputId = 'dlg-' + part.key + '-' + id;
  const hintId = hint ? inputId + '-hint' : undefined;
  const control = attributes.tag === 'textarea'
    ? el('textarea', { ...attributes, tag: undefined, id: inputId, name: part.key + '.' + id, 'aria-describedby': hintId }, String(part.values[id] ?? ''))
    : el('input', { type: 'text', autocomplete: 'off', ...attributes, id: inputId, name: part.key + '.' + id,
      value: attributes.type === 'checkbox' ? undefined : String(part.values[id] ?? ''),
      checked: attributes.type === 'checkbox' ? String(part.values[id]) === 'true' : undefined, 'aria-describedby': hintId });
  const field = attributes.type === 'checkbox'
    ? el('div', { className: 'field check' }, control, el('label', { for: inputId }, label))
    : el('div', { className: 'field' }, el('label', { for: inputId }, label), control);
  if (hint) field.append(el('p', { className: 'hint', id: hintId }, hint));
  return field;
}

/** A text field holding a number or a formula, computed as the user types. */
function formula(part, id, label, hint) {
  const field = input(part, id, { inputmode: 'text', size: 28 }, label, hint);
  const control = field.querySelector('input');
  const preview = el('p', { className: 'hint', id: control.id + '-preview', 'aria-live': 'polite' });
  let timer;
  const evaluate = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (!control.value.trim()) { preview.textContent = ''; return; }
      try {
        const result = await api('GET', '/api/v1/variables/evaluate?expr=' + encodeURIComponent(control.value));
        preview.className = 'hint ok';
        preview.textContent = t('settings.result', result.value === null ? '–' : number(result.value, 2));
      } catch (e) {
        preview.className = 'hint error';
        preview.textContent = e.message;
      }
    }, 250);
  };
  control.addEventListener('input', evaluate);
  evaluate();
  field.append(preview);
  return field;
}

function fieldset(legend, ...children) {
  return el('fieldset', { className: 'dialog-part' }, el('legend', {}, legend), ...children);
}

function coreFields(part) {
  const modeName = part.key + '.chargingMode';
  const modes = el('fieldset', { className: 'field modes' }, el('legend', {}, t('dialog.mode')),
    ...MODES.map(mode => el('label', { className: 'radio' },
      el('input', { type: 'radio', name: modeName, value: mode, id: 'dlg-mode-' + mode, checked: part.values.chargingMode === mode }),
      ' ' + t('mode.' + mode))));
  const rotation = part.form.attributes.find(a => a.id === 'phaseRotation');
  const rotationSelect = el('select', { id: 'dlg-core-phaseRotation', name: part.key + '.phaseRotation' },
    (rotation ? rotation.options : []).map(o => el('option', { value: o.value, selected: String(part.values.phaseRotation ?? '') === o.value },
      o.value ? o.label : t('dialog.rotationDriver'))));
  return fieldset(t('dialog.charging'),
    input(part, 'enabled', { type: 'checkbox' }, t('dialog.enabled')),
    modes,
    el('div', { className: 'row' },
      input(part, 'priority', { inputmode: 'numeric', size: 6 }, t('dialog.priority'), t('dialog.priorityHint')),
      input(part, 'minCurrentAmps', { inputmode: 'decimal', size: 6 }, t('dialog.minCurrent'), t('dialog.minCurrentHint'))),
    formula(part, 'maxCurrentAmps', t('dialog.maxCurrent'), t('dialog.maxCurrentHint')),
    formula(part, 'maxPowerWatts', t('dialog.maxPower'), t('dialog.maxPowerHint')),
    el('div', { className: 'field' }, el('label', { for: 'dlg-core-phaseRotation' }, t('dialog.rotation')), rotationSelect));
}

function eichrechtFields(part) {
  const shown = part.values.internalSigningPublicKey;
  return fieldset(t('dialog.eichrecht'),
    input(part, 'meterPublicKey', { tag: 'textarea', rows: 3, cols: 50 }, t('dialog.meterKey'), t('dialog.meterKeyHint')),
    input(part, 'signInternalReadings', { type: 'checkbox' }, t('dialog.signInternal'), t('dialog.signInternalHint')),
    shown ? el('p', { className: 'hint key' }, t('dialog.internalKey', shown)) : '');
}

function ocppFields(part) {
  return fieldset(t('dialog.ocpp'),
    input(part, 'clearChargingProfilesWhenDisabled', { type: 'checkbox' }, t('dialog.clearProfiles'), t('dialog.clearProfilesHint')));
}

/** The driver's form (its metatype), without the ID, which names the device. */
function deviceFields(part) {
  return fieldset(t(part.key === 'device' ? 'dialog.device' : 'dialog.more', part.form.name),
    ...part.form.attributes.filter(a => a.id !== 'id').map(attribute => metatypeField(part, attribute)));
}

function genericFields(part) {
  return fieldset(part.form.name, ...part.form.attributes.filter(a => a.id !== 'evseId').map(attribute => metatypeField(part, attribute)));
}

function metatypeField(part, attribute) {
  const hint = attribute.description || undefined;
  if (attribute.type === 'boolean') return input(part, attribute.id, { type: 'checkbox' }, attribute.name, hint);
  if (attribute.options && attribute.options.length) {
    const id = 'dlg-' + part.key + '-' + attribute.id;
    return el('div', { className: 'field' }, el('label', { for: id }, attribute.name),
      el('select', { id, name: part.key + '.' + attribute.id, 'aria-describedby': hint ? id + '-hint' : undefined },
        attribute.required ? '' : el('option', { value: '' }, '–'),
        attribute.options.map(o => el('option', { value: o.value, selected: String(part.values[attribute.id]) === o.value }, o.label))),
      hint ? el('p', { className: 'hint', id: id + '-hint' }, hint) : '');
  }
  const value = part.values[attribute.id];
  const shown = { ...part, values: { ...part.values, [attribute.id]: Array.isArray(value) ? value.join(', ') : value } };
  return input(shown, attribute.id, { type: attribute.type === 'password' ? 'password' : 'text',
    inputmode: attribute.type === 'integer' ? 'numeric' : attribute.type === 'number' ? 'decimal' : undefined },
    attribute.name + (attribute.required ? ' *' : ''), hint);
}

/** Who charges now and who may charge here (users without a list of charging points may charge everywhere). */
function usersPart(item, users) {
  const session = item.session;
  const now = session && session.userId ? session.userId + (session.idTag ? ' (' + session.idTag + ')' : '')
    : (session && session.idTag) || item.idTag || t('dash.nobody');
  const allowed = users.filter(u => !u.allowedEvseIds || !u.allowedEvseIds.length || u.allowedEvseIds.includes(item.id));
  return fieldset(t('dialog.users'),
    el('dl', {}, el('dt', {}, t('dialog.chargingNow')), el('dd', { id: 'dlg-user-now' }, now),
      el('dt', {}, t('dialog.allowed')), el('dd', { id: 'dlg-users-allowed' },
        allowed.length ? allowed.map(u => u.name ? u.name + ' (' + u.id + ')' : u.id).join(', ') : t('dialog.noUsers'))),
    el('p', { className: 'hint' }, el('a', { href: '#/settings' }, t('dialog.usersLink'))));
}
