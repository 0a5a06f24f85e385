/**
 * What the platform offers every bundle: the data directory, the admin account, HTTP Basic credentials and the HTTP Whiteboard context of the charging manager's HTTP API, and the {@link org.chargingmanager.api.platform.UserMessage} its error answers carry (1.1.0).
 */
@Export
@Version("1.1.0")
package org.chargingmanager.api.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
