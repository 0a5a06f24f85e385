import { serverMessage, t } from './i18n.js';

// Calls the charging manager's JSON API with the session cookie; state-changing calls carry the CSRF token.
let csrfToken = null;
let onLoggedOut = () => {};

export function setCsrfToken(token) { csrfToken = token; }
export function whenLoggedOut(callback) { onLoggedOut = callback; }

/** An answer without a JSON error (a proxy's page, the container's own): its status in the page's language. */
function statusMessage(status) {
  const text = t('error.status.' + status);
  return text === 'error.status.' + status ? t('error.status', status) : text;
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? serverMessage(body) : statusMessage(status));
    this.status = status;
    this.field = body ? (body.field || body.parameter) : undefined;
    this.body = body;
  }
}

export async function api(method, path, body) {
  const headers = { 'X-Requested-With': 'chargingmanager-ui', 'Accept': 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') {
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  const options = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (response.status === 401 && path !== '/api/v1/session') {
    onLoggedOut();
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/**
 * Shows an error from the API next to its form field (or at the form), as text a screen reader
 * announces, and moves the focus there. With keep, the errors already shown stay and the focus
 * stays where it is (for several errors at once).
 */
export function showErrors(form, error, keep) {
  if (!keep) clearErrors(form);
  const name = error.field;
  const input = name ? form.querySelector(`[name="${CSS.escape(name)}"]`) : null;
  const message = document.createElement('p');
  message.className = input ? 'error' : 'form-error';
  message.setAttribute('role', 'alert');
  message.textContent = error.message;
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    message.id = input.id + '-error';
    if (input.dataset.hint === undefined) input.dataset.hint = input.getAttribute('aria-describedby') || '';
    input.setAttribute('aria-describedby', (message.id + ' ' + input.dataset.hint).trim());
    input.closest('.field').appendChild(message);
    if (!keep) input.focus();
  } else {
    form.appendChild(message);
  }
}

export function clearErrors(form) {
  // only the messages showErrors added: a formula's live result (class 'hint error') stays
  form.querySelectorAll('.error[role=alert], .form-error').forEach(el => el.remove());
  form.querySelectorAll('[aria-invalid]').forEach(el => {
    el.removeAttribute('aria-invalid');
    if (el.dataset.hint) el.setAttribute('aria-describedby', el.dataset.hint); else el.removeAttribute('aria-describedby');
  });
}

export function toast(text) {
  const box = document.getElementById('toast');
  const p = document.createElement('p');
  p.textContent = text;
  box.appendChild(p);
  setTimeout(() => p.remove(), 4000);
}

/** Creates an element: el('p', {className: 'x'}, 'text', child). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') element.className = value;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

let fieldCounter = 0;
/** A labelled form field; input attributes go to the input. */
export function field(label, attributes, hint) {
  const id = attributes.id || 'f' + (++fieldCounter);
  const input = attributes.type === 'select' ? el('select', { ...attributes, type: undefined, id })
    : el('input', { ...attributes, id });
  const children = [el('label', { for: id }, label), input];
  if (hint) {
    const hintId = id + '-hint';
    children.push(el('p', { className: 'hint', id: hintId }, hint));
  }
  return el('div', { className: 'field' }, children);
}
