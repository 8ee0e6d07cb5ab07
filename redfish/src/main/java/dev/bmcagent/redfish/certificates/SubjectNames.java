package dev.bmcagent.redfish.certificates;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * The subject alternative names of the generated certificate: the addresses the service is bound to (every address
 * of every interface that is up for a wildcard bind), a bind host name, and always localhost, 127.0.0.1, ::1 and the
 * machine's host name. Addresses are kept as their canonical text so two sets compare by value.
 */
public record SubjectNames(TreeSet<String> dnsNames, TreeSet<String> ipAddresses) {

    public SubjectNames {
        dnsNames = new TreeSet<>(dnsNames);
        ipAddresses = new TreeSet<>(ipAddresses);
    }

    /** The names for a service bound to {@code bindHost}; {@code hostName} is the machine's name (may be empty). */
    public static SubjectNames forBind(String bindHost, String hostName) {
        TreeSet<String> dns = new TreeSet<>(List.of("localhost"));
        TreeSet<String> ips = new TreeSet<>(List.of(canonical("127.0.0.1"), canonical("::1")));
        if (!hostName.isBlank()) {
            dns.add(hostName.toLowerCase(java.util.Locale.ROOT));
        }
        if (isLiteral(bindHost)) {
            InetAddress bound = address(bindHost);
            if (bound.isAnyLocalAddress()) {
                ips.addAll(interfaceAddresses());
            } else {
                ips.add(bound.getHostAddress());
            }
        } else if (!bindHost.isBlank()) {
            dns.add(bindHost.toLowerCase(java.util.Locale.ROOT));
        }
        return new SubjectNames(dns, ips);
    }

    /** The machine's host name, or "" when it cannot be told (the certificate then carries the others only). */
    public static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "";
        }
    }

    /** The names a certificate carries (type 2 dNSName, type 7 iPAddress). */
    public static SubjectNames of(X509Certificate cert) {
        TreeSet<String> dns = new TreeSet<>();
        TreeSet<String> ips = new TreeSet<>();
        Collection<List<?>> sans;
        try {
            sans = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            sans = null;
        }
        for (List<?> san : sans == null ? Collections.<List<?>>emptyList() : sans) {
            Object type = san.get(0);
            String value = String.valueOf(san.get(1));
            if (Integer.valueOf(2).equals(type)) {
                dns.add(value.toLowerCase(java.util.Locale.ROOT));
            } else if (Integer.valueOf(7).equals(type)) {
                ips.add(canonical(value));
            }
        }
        return new SubjectNames(dns, ips);
    }

    private static TreeSet<String> interfaceAddresses() {
        TreeSet<String> out = new TreeSet<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nif.isUp()) {
                    for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                        out.add(a.getHostAddress().replaceFirst("%.*$", "")); // no IPv6 scope suffix
                    }
                }
            }
        } catch (SocketException e) {
            // the loopback names are there anyway
        }
        out.removeIf(a -> !isLiteral(a));
        return new TreeSet<>(out.stream().map(SubjectNames::canonical).toList());
    }

    static boolean isLiteral(String host) {
        return (host.matches("[0-9.]+") && host.chars().filter(c -> c == '.').count() == 3) || host.contains(":");
    }

    private static String canonical(String literal) {
        return address(literal).getHostAddress();
    }

    /** A literal address only: never a DNS lookup. */
    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + literal, e);
        }
    }
}
