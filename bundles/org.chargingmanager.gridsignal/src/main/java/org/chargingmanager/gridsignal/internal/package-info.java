/** The grid-signal service, the restriction log and the contact inputs; not exported. */
package org.chargingmanager.gridsignal.internal;
