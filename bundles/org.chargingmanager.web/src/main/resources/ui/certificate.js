import { api, el, field, showErrors, clearErrors, toast } from './api.js';
import { t, dateTime } from './i18n.js';

/**
 * The OCPP server's TLS certificate: what is in use, uploading an own one (PEM certificate + key,
 * or PKCS#12), going back to the generated one. Absent when the OCPP server is not installed.
 */
export async function certificateSection(section, known, retries = 0) {
  let info = known;
  try {
    info = info || await api('GET', '/api/v1/ocpp/server-certificate');
  } catch (e) {
    // right after a change the OCPP server restarts on the new material and its endpoint is away
    // for a moment: keep what is shown and ask again, instead of dropping the section
    if (retries > 0) { setTimeout(() => certificateSection(section, undefined, retries - 1), 500); return; }
    section.replaceChildren();
    return;
  }
  const reload = answer => certificateSection(section, answer, 20);
  const cert = info.certificate;
  const facts = cert ? el('dl', { id: 'server-cert-info' },
    el('dt', {}, t('cert.inUse')), el('dd', { id: 'server-cert-source' }, t('cert.source.' + info.source)),
    el('dt', {}, t('cert.subject')), el('dd', { id: 'server-cert-subject' }, cert.subject),
    el('dt', {}, t('cert.issuer')), el('dd', {}, cert.issuer),
    el('dt', {}, t('cert.validUntil')), el('dd', {}, dateTime(cert.notAfter)),
    el('dt', {}, t('cert.fingerprint')), el('dd', { className: 'fingerprint' }, cert.sha256))
    : el('p', { id: 'server-cert-info', className: 'muted' }, t('cert.tlsOff'));

  const format = el('select', { id: 'cert-format', name: 'format' },
    el('option', { value: 'pem' }, t('cert.formatPem')), el('option', { value: 'pkcs12' }, t('cert.formatPkcs12')));
  const pemFields = el('div', { className: 'row', id: 'cert-pem-fields' },
    field(t('cert.certificateFile'), { name: 'certificate', id: 'cert-file', type: 'file', accept: '.pem,.crt,.cer' }),
    field(t('cert.keyFile'), { name: 'privateKey', id: 'cert-key', type: 'file', accept: '.pem,.key' }));
  const pkcs12Fields = el('div', { className: 'row', id: 'cert-pkcs12-fields', hidden: true },
    field(t('cert.pkcs12File'), { name: 'pkcs12', id: 'cert-p12', type: 'file', accept: '.p12,.pfx' }));
  const form = el('form', { className: 'card', id: 'cert-form', novalidate: true },
    el('h4', {}, t('cert.upload')),
    el('p', { className: 'hint' }, t('cert.uploadHint')),
    el('div', { className: 'field' }, el('label', { for: 'cert-format' }, t('cert.format')), format),
    pemFields, pkcs12Fields,
    field(t('cert.password'), { name: 'password', id: 'cert-password', type: 'password', autocomplete: 'off' }, t('cert.passwordHint')),
    el('div', { className: 'row' },
      el('button', { type: 'submit', id: 'cert-upload' }, t('cert.uploadButton')),
      info.source === 'IMPORTED' ? el('button', { type: 'button', className: 'secondary', id: 'cert-revert', onclick: async () => {
        if (!confirm(t('cert.revertConfirm'))) return;
        try { await api('DELETE', '/api/v1/ocpp/server-certificate'); toast(t('cert.reverted')); reload(); }
        catch (e) { showErrors(form, e); }
      } }, t('cert.revert')) : ''));
  format.addEventListener('change', () => {
    pemFields.hidden = format.value !== 'pem';
    pkcs12Fields.hidden = format.value !== 'pkcs12';
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const file = name => form.elements[name].files[0];
    const body = { format: format.value, password: form.elements.password.value };
    if (format.value === 'pem') {
      body.certificate = file('certificate') ? await file('certificate').text() : '';
      body.privateKey = file('privateKey') ? await file('privateKey').text() : '';
    } else {
      body.pkcs12 = file('pkcs12') ? base64(await file('pkcs12').arrayBuffer()) : '';
    }
    try {
      const answer = await api('PUT', '/api/v1/ocpp/server-certificate', body);
      toast(t('cert.uploaded'));
      reload(answer);
    } catch (e) {
      if (e.field === 'certificate' && format.value === 'pkcs12') e.field = 'pkcs12';
      showErrors(form, e);
    }
  });
  section.replaceChildren(el('h4', {}, t('cert.heading')), facts,
    el('p', { className: 'downloads' },
      el('a', { className: 'button secondary', href: '/api/v1/ocpp/server-certificate.pem', download: '' }, t('settings.serverCertificate')),
      el('a', { className: 'button secondary', href: '/api/v1/ocpp/charge-point-ca.pem', download: '' }, t('settings.chargePointCa'))),
    form);
}

function base64(buffer) {
  const bytes = new Uint8Array(buffer);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
