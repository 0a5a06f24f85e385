package org.chargingmanager.api.grid;

import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The smart meter gateway's CLS channel, offered on loopback as an HTTP {@code CONNECT} proxy: a client that uses
 * it (the OCPP gateway's upstream WebSocket) reaches its backend through the SMGW, which relays the connection to
 * the external market participant. Registered only while "OCPP through the SMGW" is switched on.
 */
@ProviderType
public interface ClsProxy {

    /** Where the proxy listens (a loopback address). */
    InetSocketAddress address();
}
