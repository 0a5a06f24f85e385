import { api, setCsrfToken, whenLoggedOut, el, field, showErrors, clearErrors, toast } from './api.js';
import { t, translate, setLanguage, lang } from './i18n.js';
import { showDashboard } from './dashboard.js';
import { showSettings } from './settings.js';
import { showTransactions } from './transactions.js';
import { showKeys } from './keys.js';
import { showAccount } from './account.js';

const pages = { dashboard: showDashboard, settings: showSettings, transactions: showTransactions, keys: showKeys, account: showAccount };
let loggedIn = false;
let leavePage = () => {};

const main = document.getElementById('main');
const languageSelect = document.getElementById('language');
languageSelect.value = lang();
setLanguage(lang());
languageSelect.addEventListener('change', () => { setLanguage(languageSelect.value); route(); });

document.getElementById('logout').addEventListener('click', async () => {
  try { await api('DELETE', '/api/v1/session'); } catch (e) { /* logged out anyway */ }
  loggedOut();
});

whenLoggedOut(() => { if (loggedIn) { toast(t('error.session')); loggedOut(); } });
window.addEventListener('hashchange', route);

async function start() {
  try {
    const session = await api('GET', '/api/v1/session');
    loggedInAs(session);
  } catch (e) {
    showLogin();
  }
}

function loggedInAs(session) {
  setCsrfToken(session.csrfToken);
  loggedIn = true;
  document.getElementById('nav').hidden = false;
  document.getElementById('logout').hidden = false;
  route();
}

function loggedOut() {
  loggedIn = false;
  setCsrfToken(null);
  leavePage();
  leavePage = () => {};
  document.getElementById('nav').hidden = true;
  document.getElementById('logout').hidden = true;
  showLogin();
}

function showLogin() {
  leavePage();
  const form = el('form', { className: 'card login', id: 'login-form', novalidate: true },
    el('h2', {}, t('login.heading')),
    field(t('login.user'), { name: 'username', id: 'login-user', autocomplete: 'username', value: 'admin', required: true }),
    field(t('login.password'), { name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true }),
    el('button', { type: 'submit', id: 'login-submit' }, t('login.submit')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const data = new FormData(form);
    try {
      const session = await api('POST', '/api/v1/session', { username: data.get('username'), password: data.get('password') });
      loggedInAs(session);
    } catch (error) {
      if (error.status === 429) error.message = t('login.locked', error.body ? error.body.retryAfterSeconds : '?');
      else if (error.status === 401) error.message = t('login.wrong');
      showErrors(form, error);
      form.querySelector('[name=password]').value = '';
    }
  });
  main.replaceChildren(form);
  form.querySelector('[name=password]').focus();
}

function route() {
  if (!loggedIn) { showLogin(); return; }
  const name = (location.hash.replace(/^#\/?/, '') || 'dashboard').split('?')[0];
  const page = pages[name] ? name : 'dashboard';
  document.querySelectorAll('#nav a').forEach(a => {
    if (a.dataset.page === page) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  translate(document.querySelector('header'));
  leavePage();
  const container = el('div', { id: 'page-' + page });
  main.replaceChildren(container);
  leavePage = pages[page](container) || (() => {});
  document.title = t('nav.' + page) + ' · ' + t('title');
}

start();
