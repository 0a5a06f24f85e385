/** The smart meter gateway link; not exported. */
package org.chargingmanager.smgw.internal;
