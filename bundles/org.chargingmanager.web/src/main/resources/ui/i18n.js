// English and German texts. The language comes from the browser unless the user picked one.
const texts = {
  en: {
    skip: 'Skip to content', title: 'Charging Manager', language: 'Language', logout: 'Log out', loading: 'Loading …',
    'nav.dashboard': 'Dashboard', 'nav.settings': 'Settings', 'nav.transactions': 'Transactions', 'nav.keys': 'Meter keys', 'nav.account': 'Account',
    'login.heading': 'Log in', 'login.user': 'User name', 'login.password': 'Password', 'login.submit': 'Log in',
    'login.wrong': 'Wrong user name or password.', 'login.locked': 'Too many wrong passwords: try again in {0} s.',
    'dash.heading': 'Dashboard', 'dash.evses': 'Charging points', 'dash.meters': 'Meters', 'dash.house': 'House connection',
    'dash.noEvses': 'No charging point yet: add one under Settings.', 'dash.state': 'State', 'dash.plugged': 'Car',
    'dash.pluggedYes': 'plugged in', 'dash.pluggedNo': 'not plugged in', 'dash.current': 'Current',
    'dash.limit': 'Limit', 'dash.user': 'User', 'dash.energy': 'Session energy', 'dash.nobody': 'nobody',
    'dash.plan': 'Charging plan', 'plan.by': 'by', 'plan.charged': 'charged', 'plan.WAITING_FOR_CAR': 'waiting for the car',
    'plan.PLANNED': 'planned', 'plan.NOT_FEASIBLE': 'cannot be met', 'plan.DONE': 'done', 'plan.DEADLINE_PASSED': 'deadline passed',
    'dash.perPhase': 'Per phase', 'dash.currentLimit': 'Limit per phase', 'dash.powerLimit': 'Power limit',
    'dash.gridPower': 'Grid power', 'dash.chargingPower': 'Charging power', 'dash.noLimit': 'none',
    'dash.chart': 'Last 24 hours', 'dash.live': 'live', 'dash.polling': 'updated every 1.5 s', 'dash.role': 'Role',
    'dash.avail': 'AVAIL (grid operator)', 'dash.tarif': 'TARIF (supplier)', 'dash.notSet': 'not set',
    'state.AVAILABLE': 'Available, no car', 'state.PREPARING': 'Car connected, waiting', 'state.CHARGING': 'Charging',
    'state.SUSPENDED_EV': 'Paused by the car', 'state.SUSPENDED_EVSE': 'Paused by the charging manager',
    'state.FINISHING': 'Finished, car still connected', 'state.RESERVED': 'Reserved', 'state.FAULTED': 'Fault',
    'state.UNAVAILABLE': 'Switched off', 'state.OFFLINE': 'Offline: no contact',
    'reason.NOT_ALLOCATED': 'not allocated yet', 'reason.EVSE_MAXIMUM': 'maximum of car or charging point',
    'reason.HOUSE_LIMIT': 'house connection full', 'reason.CURTAILED': 'grid operator curtailment (AVAIL {0} %)',
    'reason.RULE': 'tariff or charging rule', 'reason.USER': 'user setting', 'reason.FALLBACK': 'meter silent: safe fallback',
    'reason.HYSTERESIS': 'paused, to avoid switching on and off too often', 'reason.DISABLED': 'switched off in the settings',
    'reason.SOLAR': 'PV surplus',
    'settings.heading': 'Settings', 'settings.variables': 'Variables', 'settings.varName': 'Name', 'settings.varExpr': 'Value or formula',
    'settings.varValue': 'Current value', 'settings.varSave': 'Save variable', 'settings.delete': 'Delete',
    'settings.result': 'Result: {0}', 'settings.saved': 'Saved.', 'settings.site': 'Site and house connection',
    'settings.devices': 'Wallboxes and meters', 'settings.addDevice': 'Add a device', 'settings.deviceType': 'Type of device',
    'settings.add': 'Add', 'settings.save': 'Save', 'settings.evses': 'Charging point settings', 'settings.addEvse': 'Add settings for a charging point',
    'settings.other': 'Tariffs, charging rules and more', 'settings.addOther': 'Add', 'settings.users': 'Users, RFID tags and PINs',
    'settings.userId': 'User ID', 'settings.userName': 'Name', 'settings.rfid': 'RFID tags (comma separated)', 'settings.pins': 'PINs (comma separated)',
    'settings.addUser': 'Add user', 'settings.confirmDelete': 'Delete {0}?', 'settings.choose': 'Choose …', 'settings.none': 'None yet.',
    'settings.multiple': 'Several values: separate them with commas.',
    'settings.yes': 'yes', 'settings.no': 'no',
    'settings.ocpp': 'OCPP wallboxes', 'settings.serverCertificate': 'Server certificate (PEM)', 'settings.chargePointCa': 'Charge point CA (PEM)',
    'settings.chargeBoxId': 'Charge box ID', 'settings.connected': 'Connected', 'settings.registration': 'Registration',
    'settings.model': 'Model', 'settings.securityProfile': 'Security profile', 'settings.approve': 'Approve',
    'log.heading': 'Transactions', 'log.from': 'From', 'log.to': 'To', 'log.evse': 'Charging point', 'log.user': 'User',
    'log.all': 'all', 'log.filter': 'Show', 'log.id': 'No.', 'log.start': 'Start', 'log.end': 'End', 'log.energy': 'Energy',
    'log.idTag': 'RFID / PIN', 'log.signature': 'Signed data', 'log.sum': 'Total: {0} in {1} sessions', 'log.csv': 'CSV (filtered)',
    'log.csvAll': 'CSV (all)', 'log.xmlEvse': 'Signed values XML (this charging point)', 'log.xmlAll': 'Signed values XML (all)',
    'log.xmlOne': 'XML', 'log.none': 'No sessions match.', 'log.open': 'open', 'log.sharedKey': 'public key shared with {0}',
    'lock.VERIFIED': 'verified', 'lock.NOT_VERIFIABLE': 'not verifiable', 'lock.FAILED': 'FAILED', 'lock.NONE': 'none',
    'keys.heading': 'Trusted meter keys', 'keys.evse': 'Charging point', 'keys.key': 'Public key', 'keys.state': 'State',
    'keys.source': 'Source', 'keys.stored': 'Stored', 'keys.CONFIRMED': 'confirmed', 'keys.UNCONFIRMED': 'adopted, not confirmed',
    'keys.confirmSelected': 'Confirm selected', 'keys.select': 'Select {0}', 'keys.remove': 'Remove', 'keys.enter': 'Enter a key from a trusted source',
    'keys.save': 'Save key', 'keys.shared': 'The same key is on {0} meters: check it!', 'keys.none': 'No keys stored yet.',
    'account.heading': 'Account', 'account.password': 'Change the admin password', 'account.current': 'Current password',
    'account.new': 'New password (at least 10 characters)', 'account.repeat': 'Repeat the new password', 'account.mismatch': 'The two new passwords differ.',
    'account.changed': 'Password changed. Other sessions were logged out.', 'account.change': 'Change password',
    'error.network': 'No connection to the charging manager.', 'error.session': 'Your session has ended: please log in again.'
  },
  de: {
    skip: 'Zum Inhalt springen', title: 'Lademanager', language: 'Sprache', logout: 'Abmelden', loading: 'Lädt …',
    'nav.dashboard': 'Übersicht', 'nav.settings': 'Einstellungen', 'nav.transactions': 'Ladevorgänge', 'nav.keys': 'Zählerschlüssel', 'nav.account': 'Konto',
    'login.heading': 'Anmelden', 'login.user': 'Benutzername', 'login.password': 'Passwort', 'login.submit': 'Anmelden',
    'login.wrong': 'Benutzername oder Passwort falsch.', 'login.locked': 'Zu viele falsche Passwörter: in {0} s erneut versuchen.',
    'dash.heading': 'Übersicht', 'dash.evses': 'Ladepunkte', 'dash.meters': 'Zähler', 'dash.house': 'Hausanschluss',
    'dash.noEvses': 'Noch kein Ladepunkt: unter Einstellungen hinzufügen.', 'dash.state': 'Zustand', 'dash.plugged': 'Auto',
    'dash.pluggedYes': 'angesteckt', 'dash.pluggedNo': 'nicht angesteckt', 'dash.current': 'Strom',
    'dash.limit': 'Begrenzung', 'dash.user': 'Benutzer', 'dash.energy': 'Energie des Ladevorgangs', 'dash.nobody': 'niemand',
    'dash.plan': 'Ladeplan', 'plan.by': 'bis', 'plan.charged': 'geladen', 'plan.WAITING_FOR_CAR': 'wartet auf das Auto',
    'plan.PLANNED': 'geplant', 'plan.NOT_FEASIBLE': 'nicht erreichbar', 'plan.DONE': 'erledigt', 'plan.DEADLINE_PASSED': 'Frist verstrichen',
    'dash.perPhase': 'Je Phase', 'dash.currentLimit': 'Grenze je Phase', 'dash.powerLimit': 'Leistungsgrenze',
    'dash.gridPower': 'Netzbezug', 'dash.chargingPower': 'Ladeleistung', 'dash.noLimit': 'keine',
    'dash.chart': 'Letzte 24 Stunden', 'dash.live': 'live', 'dash.polling': 'alle 1,5 s aktualisiert', 'dash.role': 'Rolle',
    'dash.avail': 'AVAIL (Netzbetreiber)', 'dash.tarif': 'TARIF (Versorger)', 'dash.notSet': 'nicht gesetzt',
    'state.AVAILABLE': 'Frei, kein Auto', 'state.PREPARING': 'Auto verbunden, wartet', 'state.CHARGING': 'Lädt',
    'state.SUSPENDED_EV': 'Vom Auto pausiert', 'state.SUSPENDED_EVSE': 'Vom Lademanager pausiert',
    'state.FINISHING': 'Beendet, Auto noch verbunden', 'state.RESERVED': 'Reserviert', 'state.FAULTED': 'Störung',
    'state.UNAVAILABLE': 'Ausgeschaltet', 'state.OFFLINE': 'Offline: keine Verbindung',
    'reason.NOT_ALLOCATED': 'noch nicht zugeteilt', 'reason.EVSE_MAXIMUM': 'Maximum von Auto oder Ladepunkt',
    'reason.HOUSE_LIMIT': 'Hausanschluss ausgelastet', 'reason.CURTAILED': 'Abregelung durch den Netzbetreiber (AVAIL {0} %)',
    'reason.RULE': 'Tarif- oder Laderegel', 'reason.USER': 'Benutzereinstellung', 'reason.FALLBACK': 'Zähler stumm: sichere Rückfallgrenze',
    'reason.HYSTERESIS': 'pausiert, um häufiges Ein- und Ausschalten zu vermeiden', 'reason.DISABLED': 'in den Einstellungen abgeschaltet',
    'reason.SOLAR': 'PV-Überschuss',
    'settings.heading': 'Einstellungen', 'settings.variables': 'Variablen', 'settings.varName': 'Name', 'settings.varExpr': 'Wert oder Formel',
    'settings.varValue': 'Aktueller Wert', 'settings.varSave': 'Variable speichern', 'settings.delete': 'Löschen',
    'settings.result': 'Ergebnis: {0}', 'settings.saved': 'Gespeichert.', 'settings.site': 'Anlage und Hausanschluss',
    'settings.devices': 'Wallboxen und Zähler', 'settings.addDevice': 'Gerät hinzufügen', 'settings.deviceType': 'Geräteart',
    'settings.add': 'Hinzufügen', 'settings.save': 'Speichern', 'settings.evses': 'Einstellungen der Ladepunkte', 'settings.addEvse': 'Einstellungen für einen Ladepunkt hinzufügen',
    'settings.other': 'Tarife, Laderegeln und mehr', 'settings.addOther': 'Hinzufügen', 'settings.users': 'Benutzer, RFID-Karten und PINs',
    'settings.userId': 'Benutzer-ID', 'settings.userName': 'Name', 'settings.rfid': 'RFID-Karten (durch Komma getrennt)', 'settings.pins': 'PINs (durch Komma getrennt)',
    'settings.addUser': 'Benutzer hinzufügen', 'settings.confirmDelete': '{0} löschen?', 'settings.choose': 'Auswählen …', 'settings.none': 'Noch keine.',
    'settings.multiple': 'Mehrere Werte durch Kommas trennen.',
    'settings.yes': 'ja', 'settings.no': 'nein',
    'settings.ocpp': 'OCPP-Wallboxen', 'settings.serverCertificate': 'Serverzertifikat (PEM)', 'settings.chargePointCa': 'CA der Ladestationen (PEM)',
    'settings.chargeBoxId': 'Charge-Box-ID', 'settings.connected': 'Verbunden', 'settings.registration': 'Registrierung',
    'settings.model': 'Modell', 'settings.securityProfile': 'Sicherheitsprofil', 'settings.approve': 'Freigeben',
    'log.heading': 'Ladevorgänge', 'log.from': 'Von', 'log.to': 'Bis', 'log.evse': 'Ladepunkt', 'log.user': 'Benutzer',
    'log.all': 'alle', 'log.filter': 'Anzeigen', 'log.id': 'Nr.', 'log.start': 'Beginn', 'log.end': 'Ende', 'log.energy': 'Energie',
    'log.idTag': 'RFID / PIN', 'log.signature': 'Signierte Daten', 'log.sum': 'Summe: {0} in {1} Ladevorgängen', 'log.csv': 'CSV (gefiltert)',
    'log.csvAll': 'CSV (alle)', 'log.xmlEvse': 'Signierte Werte als XML (dieser Ladepunkt)', 'log.xmlAll': 'Signierte Werte als XML (alle)',
    'log.xmlOne': 'XML', 'log.none': 'Keine passenden Ladevorgänge.', 'log.open': 'läuft', 'log.sharedKey': 'öffentlicher Schlüssel auch bei {0}',
    'lock.VERIFIED': 'geprüft', 'lock.NOT_VERIFIABLE': 'nicht prüfbar', 'lock.FAILED': 'FEHLGESCHLAGEN', 'lock.NONE': 'keine',
    'keys.heading': 'Vertrauenswürdige Zählerschlüssel', 'keys.evse': 'Ladepunkt', 'keys.key': 'Öffentlicher Schlüssel', 'keys.state': 'Zustand',
    'keys.source': 'Herkunft', 'keys.stored': 'Gespeichert', 'keys.CONFIRMED': 'bestätigt', 'keys.UNCONFIRMED': 'übernommen, nicht bestätigt',
    'keys.confirmSelected': 'Ausgewählte bestätigen', 'keys.select': '{0} auswählen', 'keys.remove': 'Entfernen', 'keys.enter': 'Schlüssel aus vertrauenswürdiger Quelle eingeben',
    'keys.save': 'Schlüssel speichern', 'keys.shared': 'Derselbe Schlüssel ist auf {0} Zählern: bitte prüfen!', 'keys.none': 'Noch keine Schlüssel gespeichert.',
    'account.heading': 'Konto', 'account.password': 'Admin-Passwort ändern', 'account.current': 'Aktuelles Passwort',
    'account.new': 'Neues Passwort (mindestens 10 Zeichen)', 'account.repeat': 'Neues Passwort wiederholen', 'account.mismatch': 'Die beiden neuen Passwörter unterscheiden sich.',
    'account.changed': 'Passwort geändert. Andere Sitzungen wurden abgemeldet.', 'account.change': 'Passwort ändern',
    'error.network': 'Keine Verbindung zum Lademanager.', 'error.session': 'Die Sitzung ist abgelaufen: bitte neu anmelden.'
  }
};

let language = pick();

function pick() {
  const stored = localStorage.getItem('cm-language');
  if (stored && texts[stored]) return stored;
  return (navigator.languages || [navigator.language || 'en']).some(l => l.toLowerCase().startsWith('de')) ? 'de' : 'en';
}

export function lang() { return language; }

export function setLanguage(code) {
  language = texts[code] ? code : 'en';
  localStorage.setItem('cm-language', language);
  document.documentElement.lang = language;
  translate(document);
}

/** The text for key, with {0}, {1} … replaced by the arguments. */
export function t(key, ...args) {
  const text = texts[language][key] ?? texts.en[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
}

/** Fills every element with data-i18n below root. */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
}

/** 11.0 kW in English, 11,0 kW in German. */
export function kw(watts) {
  if (watts === null || watts === undefined || Number.isNaN(watts)) return '–';
  return number(watts / 1000, 1) + ' kW';
}

export function number(value, digits) {
  return new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB',
    { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function dateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB',
    { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}
