/**
 * The OCPP 1.6J central system as a service: which charge points are connected, what they
 * reported, and operator-initiated messages (RemoteStart/Stop, Reset, UnlockConnector,
 * ChangeAvailability, Get/ChangeConfiguration, ClearCache, TriggerMessage, UpdateFirmware,
 * GetDiagnostics, SendLocalList, GetLocalListVersion, ReserveNow, CancelReservation,
 * GetCompositeSchedule, ClearChargingProfile, InstallCertificate, GetInstalledCertificateIds,
 * DeleteCertificate, ...), sent through {@link org.chargingmanager.ocpp.server.OcppCentralSystem};
 * since 1.1 also the charge point password (TC_073), the charge-point CA and certificate renewal,
 * and {@link org.chargingmanager.ocpp.server.CertificateHashes} for DeleteCertificate. Vendor
 * DataTransfer is answered by {@link org.chargingmanager.ocpp.server.DataTransferHandler} services.
 * Since 1.2: security profiles (TC_083 upgrade, the per-charge-point minimum) and
 * {@link org.chargingmanager.ocpp.server.ChargePointStatus} with the connection's security profile
 * and the minimum (two more record components: code that constructs the record, e.g. test
 * doubles, passes them; readers are unaffected).
 */
@Export
@Version("1.2.0")
package org.chargingmanager.ocpp.server;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
