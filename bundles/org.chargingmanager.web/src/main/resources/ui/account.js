import { api, el, field, showErrors, clearErrors, toast } from './api.js';
import { t } from './i18n.js';

/** Change the admin password. */
export function showAccount(container) {
  const form = el('form', { className: 'card', id: 'password-form', novalidate: true },
    el('h3', {}, t('account.password')),
    field(t('account.current'), { name: 'currentPassword', id: 'pw-current', type: 'password', autocomplete: 'current-password', required: true }),
    field(t('account.new'), { name: 'newPassword', id: 'pw-new', type: 'password', autocomplete: 'new-password', required: true, minlength: 10 }),
    field(t('account.repeat'), { name: 'repeat', id: 'pw-repeat', type: 'password', autocomplete: 'new-password', required: true }),
    el('button', { type: 'submit' }, t('account.change')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const data = new FormData(form);
    if (data.get('newPassword') !== data.get('repeat')) {
      showErrors(form, { field: 'repeat', message: t('account.mismatch') });
      return;
    }
    try {
      await api('PUT', '/api/v1/admin/password', { currentPassword: data.get('currentPassword'), newPassword: data.get('newPassword') });
      form.reset();
      toast(t('account.changed'));
    } catch (e) { showErrors(form, e); }
  });
  container.append(el('h2', {}, t('account.heading')), form);
}
