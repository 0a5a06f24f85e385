package org.chargingmanager.ocpp.server.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x509.GeneralName;

/**
 * The names a generated server certificate carries (subject alternative names), so that a
 * wallbox checking the server's name accepts it whether it was given the host name, the
 * {@code .local} name or an IP address: this machine's host name and {@code <host>.local},
 * {@code localhost}, the loopback addresses, every address of an interface that is up (not
 * link-local), and the installer's extra names.
 */
final class ServerCertificateNames {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern DNS_NAME = Pattern.compile("(?i)[a-z0-9*]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private ServerCertificateNames() {
    }

    /** This machine's host name, or {@code localhost} when it has none. */
    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "localhost" : name;
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * The installer's names, comma- or space-separated.
     *
     * @throws IllegalArgumentException naming an entry that is neither a host name nor an IP address
     */
    static List<String> parse(String text) {
        List<String> names = new ArrayList<>();
        if (text == null) {
            return names;
        }
        for (String entry : text.split("[,\\s]+")) {
            String name = entry.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!isIpAddress(name) && !DNS_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a host name or IP address: " + name);
            }
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** Host name, its .local name, localhost, loopback and interface addresses, then {@code extra}. */
    static Set<String> forThisMachine(String hostName, Collection<String> extra) {
        Set<String> names = new LinkedHashSet<>();
        names.add(hostName.toLowerCase(Locale.ROOT));
        if (!hostName.contains(".") && !hostName.equalsIgnoreCase("localhost")) {
            names.add(hostName.toLowerCase(Locale.ROOT) + ".local");
        }
        names.add("localhost");
        names.add("127.0.0.1");
        names.add("::1");
        names.addAll(interfaceAddresses());
        names.addAll(extra);
        return names;
    }

    static GeneralName[] generalNames(Collection<String> names) {
        List<GeneralName> result = new ArrayList<>();
        for (String name : names) {
            result.add(new GeneralName(isIpAddress(name) ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return result.toArray(new GeneralName[0]);
    }

    /** Whether the certificate names all of these (IP addresses compared as addresses). */
    static boolean coversAll(X509Certificate certificate, Collection<String> names) throws CertificateParsingException {
        Set<String> present = new LinkedHashSet<>();
        Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
        for (List<?> alternative : alternatives == null ? List.<List<?>>of() : alternatives) {
            present.add(normalized(String.valueOf(alternative.get(1))));
        }
        for (String name : names) {
            if (!present.contains(normalized(name))) {
                return false;
            }
        }
        return true;
    }

    private static String normalized(String name) {
        if (isIpAddress(name)) {
            try {
                return InetAddress.getByName(name).getHostAddress();
            } catch (IOException e) {
                return name;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    static boolean isIpAddress(String name) {
        return IPV4.matcher(name).matches() || (name.contains(":") && name.matches("[0-9a-fA-F:.]+"));
    }

    private static List<String> interfaceAddresses() {
        List<String> addresses = new ArrayList<>();
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp() || network.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (!address.isLinkLocalAddress() && !address.isLoopbackAddress()) {
                        String text = address.getHostAddress();
                        addresses.add(address instanceof Inet6Address && text.contains("%")
                                ? text.substring(0, text.indexOf('%')) : text);
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: the host name and loopback still go in
        }
        return addresses;
    }
}
