/** The cFos Power Brain driver; nothing here is exported. */
package org.chargingmanager.wallbox.cfos.internal;
