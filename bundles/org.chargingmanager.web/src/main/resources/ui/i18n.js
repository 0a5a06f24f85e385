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
    'error.network': 'Keine Verbindung zum Lademanager.', 'error.session': 'Die Sitzung ist abgelaufen: bitte neu anmelden.'
  }
};

/**
 * German texts of the server's error messages, by the message key the server sends with them
 * ({"error": English text, "code": key, "args": [...]}; an argument may itself be such a message).
 * In English, and for a key not listed here, the server's English text is shown.
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
    'cert.unusable': 'Zertifikat und Schlüssel sind für TLS nicht verwendbar'
  }
};

/** A server error message in the page's language: its key's text, else the server's English text. */
export function serverMessage(body) {
  if (!body || typeof body !== 'object') return String(body ?? '');
  const text = (serverMessages[language] || {})[body.code];
  if (!text) return body.error || '';
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
