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
    'role.GRID': 'Grid connection', 'role.PV': 'PV system', 'role.STORAGE': 'Home battery', 'role.CONSUMER': 'Consumer',
    'role.SUBDISTRIBUTION': 'Sub-distribution',
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
    'settings.addUser': 'Add user', 'settings.saveUser': 'Save user', 'settings.change': 'Change', 'settings.actions': 'Actions',
    'settings.pinCount': 'PINs', 'settings.userEvses': 'Charging points (comma separated; empty: all)', 'settings.allEvses': 'all',
    'settings.confirmDelete': 'Delete {0}?', 'settings.choose': 'Choose …', 'settings.none': 'None yet.',
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
    'dash.settings': 'Settings', 'dash.settingsOf': 'Settings: {0}',
    'dialog.title': 'Settings: {0}', 'dialog.cancel': 'Cancel', 'dialog.nothing': 'Nothing to set for this one.',
    'dialog.charging': 'Charging', 'dialog.enabled': 'Enabled (switch off to stop charging here)', 'dialog.mode': 'Charging mode',
    'mode.FAST': 'Fast: as much as the site allows', 'mode.MIN_PV': 'Minimum + PV: the minimum always, more from PV surplus',
    'mode.PV_ONLY': 'PV only: only from PV surplus', 'mode.OFF': 'Off: no charging',
    'dialog.priority': 'Priority', 'dialog.priorityHint': 'A higher number gets its minimum current first.',
    'dialog.minCurrent': 'Minimum current (A)', 'dialog.minCurrentHint': '0: the charging point\'s own (6 A).',
    'dialog.maxCurrent': 'Maximum current (A)', 'dialog.maxCurrentHint': 'A number or a formula such as if(TARIF == 1, 32, 16); empty: the charging point\'s own maximum.',
    'dialog.maxPower': 'Maximum power (W)', 'dialog.maxPowerHint': 'A number or a formula such as 11000 * AVAIL / 100; empty: no power limit.',
    'dialog.rotation': 'Phase rotation (phase 1 of the charging point is on …)', 'dialog.rotationDriver': 'as the driver says',
    'dialog.device': 'Wallbox or meter: {0}', 'dialog.more': '{0}',
    'dialog.eichrecht': 'Calibration law (Eichrecht)', 'dialog.meterKey': 'Meter public key',
    'dialog.meterKeyHint': 'From a trusted source (type plate, manufacturer, Federal Network Agency): hex DER, hex X||Y or PEM. Entered here it counts as confirmed; empty: taken from the first signed data, unconfirmed.',
    'dialog.signInternal': 'Sign and store internal meter readings (for tests)', 'dialog.signInternalHint': 'The charging manager signs the readings at the start and end of each session with its own key. Not billing data.',
    'dialog.internalKey': 'Public key of the internal signing: {0}',
    'dialog.ocpp': 'OCPP', 'dialog.clearProfiles': 'Clear charging profiles when disabled',
    'dialog.clearProfilesHint': 'When this charging point is switched off, remove every charging profile from the station so it works without the charging manager. Applies to every OCPP wallbox.',
    'dialog.users': 'Users and RFID', 'dialog.chargingNow': 'Charging now', 'dialog.allowed': 'May charge here',
    'dialog.noUsers': 'no user yet: every RFID tag is handled as the OCPP server is set', 'dialog.usersLink': 'Users, RFID tags and PINs are set under Settings.',
    'cert.heading': 'Server certificate for wss://', 'cert.inUse': 'In use', 'cert.source.GENERATED': 'generated by the charging manager (self-signed)',
    'cert.source.IMPORTED': 'uploaded', 'cert.source.FILE': 'from the file in the OCPP server settings', 'cert.subject': 'Subject', 'cert.issuer': 'Issuer',
    'cert.validUntil': 'Valid until', 'cert.fingerprint': 'SHA-256', 'cert.tlsOff': 'The OCPP server runs without TLS (TLS Off).',
    'cert.upload': 'Upload an own certificate', 'cert.uploadHint': 'The certificate and private key the OCPP server presents to wallboxes over wss:// (self-signed or from a CA). It is checked, stored and used at once; connected wallboxes reconnect.',
    'cert.format': 'Format', 'cert.formatPem': 'PEM: certificate file and key file', 'cert.formatPkcs12': 'PKCS#12 (.p12, .pfx)',
    'cert.certificateFile': 'Certificate (PEM, with its chain)', 'cert.keyFile': 'Private key (PEM)', 'cert.pkcs12File': 'PKCS#12 file',
    'cert.password': 'Password', 'cert.passwordHint': 'Of the PKCS#12 file or an encrypted key; empty if none.',
    'cert.uploadButton': 'Upload certificate', 'cert.uploaded': 'Certificate installed: the OCPP server restarts with it.',
    'cert.revert': 'Back to the generated certificate', 'cert.revertConfirm': 'Use the generated self-signed certificate again?', 'cert.reverted': 'The generated certificate is used again.',
    'error.network': 'No connection to the charging manager.', 'error.session': 'Your session has ended: please log in again.',
    'error.untranslated': '{0}', 'error.status': 'The charging manager answered with error {0}.',
    'error.status.404': 'Not found (error 404).', 'error.status.405': 'Not allowed here (error 405).',
    'error.status.413': 'The request is too large (error 413).', 'error.status.502': 'No answer through the proxy (error 502).',
    'error.status.503': 'The charging manager is starting or busy: try again shortly (error 503).', 'error.status.504': 'No answer in time (error 504).'
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
    'role.GRID': 'Netzanschluss', 'role.PV': 'PV-Anlage', 'role.STORAGE': 'Hausspeicher', 'role.CONSUMER': 'Verbraucher',
    'role.SUBDISTRIBUTION': 'Unterverteilung',
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
    'settings.addUser': 'Benutzer hinzufügen', 'settings.saveUser': 'Benutzer speichern', 'settings.change': 'Ändern', 'settings.actions': 'Aktionen',
    'settings.pinCount': 'PINs', 'settings.userEvses': 'Ladepunkte (durch Komma getrennt; leer: alle)', 'settings.allEvses': 'alle',
    'settings.confirmDelete': '{0} löschen?', 'settings.choose': 'Auswählen …', 'settings.none': 'Noch keine.',
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
    'dash.settings': 'Einstellungen', 'dash.settingsOf': 'Einstellungen: {0}',
    'dialog.title': 'Einstellungen: {0}', 'dialog.cancel': 'Abbrechen', 'dialog.nothing': 'Hier gibt es nichts einzustellen.',
    'dialog.charging': 'Laden', 'dialog.enabled': 'Aktiviert (ausschalten, um hier nicht zu laden)', 'dialog.mode': 'Lademodus',
    'mode.FAST': 'Schnell: so viel die Anlage erlaubt', 'mode.MIN_PV': 'Minimum + PV: immer das Minimum, mehr aus PV-Überschuss',
    'mode.PV_ONLY': 'Nur PV: nur aus PV-Überschuss', 'mode.OFF': 'Aus: nicht laden',
    'dialog.priority': 'Priorität', 'dialog.priorityHint': 'Eine höhere Zahl bekommt ihren Mindeststrom zuerst.',
    'dialog.minCurrent': 'Mindeststrom (A)', 'dialog.minCurrentHint': '0: der des Ladepunkts (6 A).',
    'dialog.maxCurrent': 'Höchststrom (A)', 'dialog.maxCurrentHint': 'Eine Zahl oder Formel wie if(TARIF == 1, 32, 16); leer: das Maximum des Ladepunkts.',
    'dialog.maxPower': 'Höchstleistung (W)', 'dialog.maxPowerHint': 'Eine Zahl oder Formel wie 11000 * AVAIL / 100; leer: keine Leistungsgrenze.',
    'dialog.rotation': 'Phasendrehung (Phase 1 des Ladepunkts liegt auf …)', 'dialog.rotationDriver': 'wie der Treiber meldet',
    'dialog.device': 'Wallbox oder Zähler: {0}', 'dialog.more': '{0}',
    'dialog.eichrecht': 'Eichrecht', 'dialog.meterKey': 'Öffentlicher Schlüssel des Zählers',
    'dialog.meterKeyHint': 'Aus vertrauenswürdiger Quelle (Typenschild, Hersteller, Bundesnetzagentur): hex DER, hex X||Y oder PEM. Hier eingegeben gilt er als bestätigt; leer: aus den ersten signierten Daten übernommen, unbestätigt.',
    'dialog.signInternal': 'Interne Zählerstände signieren und speichern (für Tests)', 'dialog.signInternalHint': 'Der Lademanager signiert die Zählerstände zu Beginn und Ende jedes Ladevorgangs mit eigenem Schlüssel. Keine Abrechnungsdaten.',
    'dialog.internalKey': 'Öffentlicher Schlüssel der internen Signatur: {0}',
    'dialog.ocpp': 'OCPP', 'dialog.clearProfiles': 'Ladeprofile beim Deaktivieren löschen',
    'dialog.clearProfilesHint': 'Wird dieser Ladepunkt abgeschaltet, werden alle Ladeprofile in der Station gelöscht, damit sie ohne Lademanager arbeitet. Gilt für alle OCPP-Wallboxen.',
    'dialog.users': 'Benutzer und RFID', 'dialog.chargingNow': 'Lädt gerade', 'dialog.allowed': 'Darf hier laden',
    'dialog.noUsers': 'noch kein Benutzer: RFID-Karten werden behandelt, wie im OCPP-Server eingestellt', 'dialog.usersLink': 'Benutzer, RFID-Karten und PINs stehen unter Einstellungen.',
    'cert.heading': 'Serverzertifikat für wss://', 'cert.inUse': 'Verwendet', 'cert.source.GENERATED': 'vom Lademanager erzeugt (selbstsigniert)',
    'cert.source.IMPORTED': 'hochgeladen', 'cert.source.FILE': 'aus der Datei in den OCPP-Server-Einstellungen', 'cert.subject': 'Inhaber', 'cert.issuer': 'Aussteller',
    'cert.validUntil': 'Gültig bis', 'cert.fingerprint': 'SHA-256', 'cert.tlsOff': 'Der OCPP-Server läuft ohne TLS (TLS aus).',
    'cert.upload': 'Eigenes Zertifikat hochladen', 'cert.uploadHint': 'Zertifikat und privater Schlüssel, die der OCPP-Server den Wallboxen über wss:// zeigt (selbstsigniert oder von einer CA). Es wird geprüft, gespeichert und sofort verwendet; verbundene Wallboxen verbinden sich neu.',
    'cert.format': 'Format', 'cert.formatPem': 'PEM: Zertifikatsdatei und Schlüsseldatei', 'cert.formatPkcs12': 'PKCS#12 (.p12, .pfx)',
    'cert.certificateFile': 'Zertifikat (PEM, mit Kette)', 'cert.keyFile': 'Privater Schlüssel (PEM)', 'cert.pkcs12File': 'PKCS#12-Datei',
    'cert.password': 'Passwort', 'cert.passwordHint': 'Der PKCS#12-Datei oder eines verschlüsselten Schlüssels; leer, wenn keins.',
    'cert.uploadButton': 'Zertifikat hochladen', 'cert.uploaded': 'Zertifikat installiert: der OCPP-Server startet damit neu.',
    'cert.revert': 'Zurück zum erzeugten Zertifikat', 'cert.revertConfirm': 'Wieder das erzeugte selbstsignierte Zertifikat verwenden?', 'cert.reverted': 'Das erzeugte Zertifikat wird wieder verwendet.',
    'error.network': 'Keine Verbindung zum Lademanager.', 'error.session': 'Die Sitzung ist abgelaufen: bitte neu anmelden.',
    'error.untranslated': 'Meldung des Lademanagers (englisch): {0}', 'error.status': 'Der Lademanager antwortet mit Fehler {0}.',
    'error.status.404': 'Nicht gefunden (Fehler 404).', 'error.status.405': 'Hier nicht erlaubt (Fehler 405).',
    'error.status.413': 'Die Anfrage ist zu groß (Fehler 413).', 'error.status.502': 'Keine Antwort über den Proxy (Fehler 502).',
    'error.status.503': 'Der Lademanager startet gerade oder ist ausgelastet: bitte gleich noch einmal versuchen (Fehler 503).',
    'error.status.504': 'Keine Antwort in der Zeit (Fehler 504).'
  }
};

/**
 * German texts of the server's error messages, by the message key the server sends with them
 * ({"error": English text, "code": key, "args": [...]}; an argument may itself be such a message).
 * In English the server's English text is shown ({"error"}); every key the Java side sends needs
 * its entry here (ServerMessageKeysTest in the web bundle checks that).
 */
const serverMessages = {
  de: {
    'login.userMissing': 'Benutzernamen eingeben', 'login.passwordMissing': 'Passwort eingeben',
    'password.currentMissing': 'das aktuelle Passwort eingeben', 'password.newMissing': 'das neue Passwort eingeben',
    'password.currentWrong': 'das aktuelle Passwort ist falsch', 'password.tooShort': 'das neue Passwort muss mindestens {0} Zeichen haben',
    'password.blank': 'das neue Passwort darf nicht nur aus Leerzeichen bestehen',
    crossSite: 'Anfrage von einer anderen Website abgelehnt', csrf: 'CSRF-Token fehlt oder ist falsch: bitte die Seite neu laden',
    'expr.enter': 'eine Zahl oder Formel eingeben', 'expr.at': 'an Stelle {0} von „{1}“: {2}', 'expr.inVariable': 'Variable {0}: {1}',
    'expr.empty': 'die Formel ist leer', 'expr.tooLong': 'die Formel ist länger als {0} Zeichen',
    'expr.tooDeep': 'die Formel ist zu tief verschachtelt', 'expr.endsEarly': 'die Formel endet zu früh',
    'expr.unexpected': 'unerwartetes „{0}“', 'expr.unknownFunction': 'unbekannte Funktion „{0}“',
    'expr.expectedOperand': 'Zahl, Name oder „(“ erwartet, aber „{0}“ gefunden',
    'expr.arity': '{0}() braucht {1} Argument(e), nicht {2}', 'expr.arityAtLeast': '{0}() braucht mindestens {1} Argument(e), nicht {2}',
    'expr.numberTooLarge': 'die Zahl {0} ist zu groß', 'expr.notNumber': '„{0}“ ist keine Zahl',
    'expr.missingAtEnd': '„{0}“ fehlt am Ende', 'expr.expectedSymbol': '„{0}“ erwartet, aber „{1}“ gefunden',
    'expr.unknownVariable': 'unbekannte Variable „{0}“', 'expr.stillUsed': 'Variable {0} wird noch verwendet von {1}',
    'expr.badName': 'ungültiger Variablenname „{0}“: Buchstaben, Ziffern und _, am Anfang ein Buchstabe oder _, höchstens 64 Zeichen',
    'expr.reserved': '„{0}“ ist ein reserviertes Wort und kann kein Variablenname sein',
    'expr.cycle': 'Variablen hängen im Kreis voneinander ab: {0}',
    'expr.unknownQuantity': '„{0}“: unbekannte Größe „{1}“, möglich sind {2}',
    'expr.noEvse': '„{0}“: es gibt keinen Ladepunkt „{1}“', 'expr.noMeter': '„{0}“: es gibt keinen Zähler „{1}“',
    'expr.noRoleMeter': '„{0}“: es gibt keinen Zähler mit der Rolle {1}',
    'expr.unknownName': 'unbekannter Name „{0}“: Live-Werte sind grid.*, pv.*, storage.*, meter.<id>.*, evse.<id>.*, evses.*, time.*',
    'value.required': '{0}: bitte ausfüllen', 'value.oneValue': '{0} nimmt einen Wert, keine Liste',
    'value.list': '{0} muss eine Liste von Werten sein', 'value.wholeNumber': '{0} muss eine ganze Zahl sein, nicht „{1}“',
    'value.number': '{0} muss eine Zahl sein, nicht „{1}“', 'value.boolean': '{0} muss ja oder nein sein, nicht „{1}“',
    'value.character': '{0} muss genau ein Zeichen sein, nicht „{1}“', 'value.oneOf': '{0} muss einer dieser Werte sein: {1}',
    'value.invalid': '{0}: unzulässiger Wert ({1})', 'value.unknownField': 'unbekanntes Feld „{0}“', 'value.formula': '{0}: {1}',
    'user.idMissing': 'Benutzer-ID eingeben', 'user.idFormat': 'die Benutzer-ID hat 1 bis 64 Zeichen, kein „/“ und keine Leerzeichen am Anfang oder Ende',
    'user.nameTooLong': 'der Name hat höchstens 200 Zeichen',
    'user.tokenTwice': '„{0}“ ist doppelt aufgeführt (RFID-Karten und PINs unabhängig von Groß- und Kleinschreibung)',
    'user.exists': 'Benutzer {0} gibt es schon', 'user.tokenTaken': '„{0}“ gehört schon Benutzer {1}',
    'key.unusable': 'kein verwendbarer öffentlicher Schlüssel ({0})',
    'cert.missing': 'bitte die Datei auswählen', 'cert.format': 'Format muss PEM oder PKCS#12 sein',
    'cert.noCertificate': 'die Datei enthält kein Zertifikat (erwartet: -----BEGIN CERTIFICATE-----)',
    'cert.noKey': 'kein privater Schlüssel: bitte die Schlüsseldatei auswählen (PEM, -----BEGIN PRIVATE KEY-----)',
    'cert.badPkcs12': 'keine PKCS#12-Datei, oder das Passwort ist falsch', 'cert.badPem': 'keine lesbare PEM-Datei',
    'cert.keyMismatch': 'der private Schlüssel gehört nicht zu diesem Zertifikat',
    'cert.expired': 'das Zertifikat ist am {0} abgelaufen', 'cert.notYetValid': 'das Zertifikat gilt erst ab {0}',
    'cert.keyPassword': 'der private Schlüssel ist verschlüsselt: bitte sein Passwort eingeben',
    'cert.keyPasswordWrong': 'der private Schlüssel lässt sich nicht entschlüsseln: falsches Passwort?',
    'cert.unusable': 'Zertifikat und Schlüssel sind für TLS nicht verwendbar',
    'expr.other': 'Fehler in der Formel: {0}', 'password.rule': 'das neue Passwort wird nicht angenommen: {0}',
    'value.notText': '{0} muss ein Text sein', 'value.notNumber': '{0} muss eine Zahl sein',
    'value.tooShort': '{0} ist kürzer als erlaubt', 'value.tooLong': '{0} ist länger als erlaubt',
    'value.tooSmall': '{0} ist kleiner als das erlaubte Minimum, nicht „{1}“', 'value.tooLarge': '{0} ist größer als das erlaubte Maximum, nicht „{1}“',
    'value.notOption': '{0}: „{1}“ ist keine der Auswahlmöglichkeiten', 'value.notValid': '{0}: „{1}“ ist kein zulässiger Wert',
    // answers any request can get
    'http.notFound': 'nicht gefunden: {0}', 'http.pathIdMissing': 'in der Adresse fehlt, was gemeint ist: {0}',
    'http.bodyShape': 'die Anfrage hat nicht die erwartete Form: {0}', 'http.mediaType': 'die Anfrage muss als {0} gesendet werden',
    'http.unavailable': 'vorübergehend nicht verfügbar: {0}', 'http.serviceUnavailable': 'vorübergehend nicht verfügbar: bitte gleich noch einmal versuchen',
    'http.tooLarge': 'die Anfrage ist größer als {0} Bytes', 'http.requestTooLarge': 'die Anfrage ist zu groß',
    'http.badJson': 'die Anfrage ist kein gültiges JSON', 'http.notObject': 'die Anfrage muss ein JSON-Objekt sein',
    'http.badRequest': 'ungültige Anfrage', 'http.forbidden': 'nicht erlaubt: {0}', 'http.methodNotAllowed': '{0} ist hier nicht erlaubt',
    'http.serverError': 'interner Fehler des Lademanagers (siehe sein Protokoll)', 'http.status': 'HTTP-Fehler {0}',
    'auth.required': 'bitte anmelden', 'auth.notLoggedIn': 'nicht angemeldet', 'auth.wrong': 'Benutzername oder Passwort falsch',
    'auth.locked': 'zu viele falsche Passwörter: in {0} s erneut versuchen',
    'settings.notStored': 'die Einstellungen lassen sich gerade nicht speichern',
    'config.unavailable': 'die Einstellungsformulare brauchen die OSGi-Dienste MetaType und ConfigurationAdmin',
    'config.noForm': 'es gibt kein Einstellungsformular „{0}“', 'config.noConfiguration': 'es gibt keine Einstellungen „{0}“',
    'config.notDeletable': '„{0}“ lässt sich hier nicht löschen', 'config.badPid': 'ungültige PID in „{0}“',
    'var.nameMissing': 'die Variable braucht einen Namen', 'var.unknown': 'es gibt keine Variable „{0}“',
    'evse.unknown': 'es gibt keinen Ladepunkt „{0}“', 'meter.unknown': 'es gibt keinen Zähler „{0}“', 'tariff.unknown': 'es gibt keinen Tarif „{0}“',
    'events.tooMany': 'zu viele Live-Verbindungen: die Seite fragt stattdessen regelmäßig ab',
    'cnf.parameterMissing': 'Parameter „{0}“ fehlt', 'cnf.clear': 'Parameter „clear“ muss 0 oder 1 sein, nicht „{0}“',
    'cnf.entry': 'vars[{0}] muss ein Objekt mit name und expr sein', 'cnf.name': 'vars[{0}].name muss ein Text sein',
    'cnf.expr': 'vars[{0}].expr muss eine Zahl oder ein Text sein', 'cnf.cmdUnknown': 'unbekanntes cmd „{0}“: get_cm_vars oder set_cm_vars verwenden',
    // charging modes and plans
    'mode.unknown': '„{0}“ ist kein Lademodus; möglich sind {1}',
    'plan.none': 'Ladepunkt {0} hat keinen Ladeplan', 'plan.notStored': 'der Ladeplan lässt sich gerade nicht speichern',
    'plan.evseMissing': 'ein Ladepunkt muss angegeben sein', 'plan.energyRange': 'die Energie muss zwischen 0,001 und 1000 kWh liegen, nicht {0} kWh',
    'plan.deadlineMissing': 'eine Frist angeben, z. B. 07:00',
    'plan.badDeadline': '„{0}“ ist keine Frist: eine Uhrzeit wie 07:00 oder Datum und Uhrzeit mit Zeitzone wie 2026-12-07T07:00:00+01:00',
    'plan.badText': 'kein Ladeplan: zum Beispiel „20 kWh by 07:00“', 'plan.socRange': 'Ladezustände sind Prozentwerte von 0 bis 100',
    'plan.targetNotAbove': 'das Ziel ({0} %) liegt nicht über dem Ladezustand des Autos ({1} %)',
    'plan.capacity': 'die Batteriekapazität muss positiv sein', 'plan.deadlinePassed': 'die Frist {0} ist schon vorbei',
    'plan.deadlineTooFar': 'die Frist liegt mehr als {0} Tage in der Zukunft', 'plan.phases': '{0}: ein Ladepunkt nutzt mindestens eine Phase',
    'plan.socNeeded': 'für einen Ziel-Ladezustand den Ladezustand des Autos und seine Batteriekapazität angeben, oder die Energie',
    'plan.energyNeeded': 'die Energie (kWh) angeben, oder einen Ziel-Ladezustand mit Ladezustand und Batteriekapazität',
    'plan.other': 'Ladeplan abgelehnt: {0}',
    'plan.notFeasible': 'braucht {0} kWh bis {1}, aber bis dahin passen höchstens {2} kWh (sein Höchststrom, der Hausanschluss und Ladepläne mit höherer Priorität oder früherer Frist)',
    'var.notComputable': 'lässt sich nicht berechnen',
    'http.starting': 'der Lademanager startet noch: bitte in {0} s erneut versuchen',
    // the transaction log, users, trusted keys (billing, Eichrecht)
    'log.unknownParameter': 'unbekannter Parameter „{0}“; möglich sind {1}', 'log.parameterTwice': 'Parameter „{0}“ ist mehrfach angegeben',
    'log.parameterEmpty': 'Parameter „{0}“ ist leer', 'log.parameterOnce': 'Parameter „{0}“ muss genau einmal und nicht leer angegeben sein',
    'log.badDate': 'kein gültiges Datum: „{1}“ (erwartet z. B. 2025-01-31 oder 2025-01-31T00:00:00+01:00)',
    'log.badNumber': 'Parameter „{0}“ muss eine ganze Zahl von {1} bis {2} sein, nicht „{3}“',
    'log.toBeforeFrom': '„Bis“ muss nach „Von“ liegen', 'log.separator': 'Trennzeichen muss comma oder semicolon sein, nicht „{0}“',
    'log.badTransactionId': 'eine Ladevorgangsnummer ist eine ganze Zahl, nicht „{0}“', 'log.noTransaction': 'es gibt keinen Ladevorgang {0}',
    'log.notInstalled': 'kein Ladevorgangsprotokoll installiert (das Billing-Bundle)',
    'user.idDiffers': 'die Benutzer-ID „{0}“ weicht von der in der Adresse ab („{1}“)', 'user.priority': 'die Priorität muss eine ganze Zahl sein',
    'user.expiry': 'das Ablaufdatum braucht Datum und Uhrzeit mit Zeitzone, z. B. 2027-12-31T23:59:59+01:00, nicht „{0}“',
    'user.blocked': '„gesperrt“ muss ja oder nein sein', 'user.notList': '{0} muss eine Liste von Texten sein',
    'user.tokenLength': '{0}: jeder Eintrag hat 1 bis 100 Zeichen', 'user.postToList': 'POST legt einen neuen Benutzer an; zum Ersetzen PUT verwenden',
    'user.refused': 'Benutzer nicht gespeichert: {0}', 'user.unknown': 'es gibt keinen Benutzer „{0}“',
    'retention.missing': '„endedBefore“ fehlt', 'retention.badDate': '„endedBefore“ braucht Datum und Uhrzeit mit Zeitzone, z. B. 2019-01-01T00:00:00Z',
    'retention.refused': 'Löschen abgelehnt: {0}',
    'key.none': 'für {0} ist kein Schlüssel gespeichert', 'key.missing': 'den öffentlichen Schlüssel eingeben (hex DER, hex X||Y oder PEM)',
    // OCPP operator actions and certificates
    'ocpp.unknownChargePoint': 'unbekannte Ladestation {0}', 'ocpp.unknownAction': 'unbekannte OCPP-Aktion „{0}“',
    'ocpp.badPayload': '{0}: ungültige Nutzdaten ({1})',
    'ocpp.useChangePassword': 'AuthorizationKey nicht direkt ändern, das sperrt die Ladestation aus: „Passwort ändern“ verwenden (POST …/change-password)',
    'ocpp.useSecurityProfile': 'SecurityProfile nicht direkt ändern: das Upgrade verwenden (POST …/security-profile), es prüft TLS, Passwort und Client-Zertifikate',
    'ocpp.offline': '{0} ist nicht verbunden', 'ocpp.noTransaction': '{0}: kein laufender Ladevorgang',
    'ocpp.noUserDirectory': 'keine Benutzerverwaltung verfügbar (das Billing-Bundle)',
    'ocpp.queueFull': '{0}: zu viele Aufrufe warten, bitte später erneut versuchen', 'ocpp.timeout': '{0} hat auf {1} nicht rechtzeitig geantwortet',
    'ocpp.invalidResponse': '{0} hat ungültig geantwortet: {1}', 'ocpp.callError': '{0} meldet den Fehler {1}: {2}',
    'ocpp.failed': '{0} fehlgeschlagen: {1}', 'ocpp.refused': 'abgelehnt: {0}',
    'ocpp.profileNeedsTls': 'Sicherheitsprofil {0} braucht TLS: zuerst TLS des OCPP-Servers auf Detect oder On stellen',
    'ocpp.profileNeedsClientCertificates': 'Sicherheitsprofil 3 braucht Client-Zertifikate, die der Server prüft: eine Client-CA einrichten oder Client-Zertifikate verlangen; die Ladestation braucht zuerst ihr Zertifikat',
    'ocpp.profileRunningTransaction': '{0} hat einen laufenden Ladevorgang an Anschluss {1}; das Upgrade endet mit einem Neustart: bitte erneut versuchen, wenn kein Ladevorgang läuft',
    'ocpp.localListOff': 'die lokale Liste der Ladestation ist abgeschaltet (LocalAuthListEnabled=false)',
    'ocpp.localListTooLong': '{0} RFID-Karten, aber die Ladestation fasst höchstens {1} (LocalAuthListMaxLength)',
    'ocpp.localListUnsupported': 'die Ladestation unterstützt keine lokale Liste', 'ocpp.localListRejected': 'die Ladestation lehnt die lokale Liste (Version {0}) ab: {1}',
    'ocpp.badChargeBoxId': 'keine gültige Charge-Box-ID: {0}', 'ocpp.profileRange': '{0} muss eine ganze Zahl von {1} bis {2} sein',
    'ocpp.passwordNotText': 'das Passwort muss ein Text sein', 'ocpp.passwordLength': 'das Passwort muss {0} bis {1} Zeichen haben',
    'ocpp.passwordCharacters': 'das Passwort darf nur druckbare ASCII-Zeichen ohne Leerzeichen enthalten',
    'cert.tlsOff': 'der OCPP-Server läuft ohne TLS (TLS aus)', 'cert.tooLarge': 'die Datei ist größer als {0} KiB',
    'cert.isFile': 'das Zertifikat ist eine Datei aus den Einstellungen des OCPP-Servers (Serverzertifikat-Datei): dort ändern'
  }
};

/**
 * A server error message in the page's language: its key's text; on a German page a message
 * without a known key (a bundle that brings its own) is shown with a German lead-in, never
 * English alone; in English the server's text.
 */
export function serverMessage(body) {
  if (!body || typeof body !== 'object') return String(body ?? '');
  const text = (serverMessages[language] || {})[body.code];
  if (!text) {
    if (language === 'en' || !body.error) return body.error || '';
    return t('error.untranslated', body.error);
  }
  const args = (body.args || []).map(arg => arg && typeof arg === 'object' ? serverMessage(arg)
    : typeof arg === 'string' && /^\d{4}-\d\d-\d\dT/.test(arg) ? dateTime(arg) : arg);
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
}

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
