package org.chargingmanager.smgw.internal;

import java.net.InetAddress;
import java.util.Map;

/**
 * One request on the mutual-TLS listener.
 *
 * @param method {@code GET}, {@code POST}, ...
 * @param path the path without the query
 * @param query the decoded query parameters (the first of each name)
 * @param body the request body (empty for none)
 * @param peerSubject the subject of the certificate the peer presented at the handshake
 * @param remote the peer's address
 */
record HttpRequest(String method, String path, Map<String, String> query, byte[] body, String peerSubject,
        InetAddress remote) {
}
