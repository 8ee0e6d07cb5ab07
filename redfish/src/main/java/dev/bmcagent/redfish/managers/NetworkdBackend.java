package dev.bmcagent.redfish.managers;

import dev.bmcagent.redfish.backend.NetworkConfigBackend;
import dev.bmcagent.redfish.backend.NetworkSettings;
import dev.bmcagent.redfish.backend.NetworkSettings.Dhcpv4;
import dev.bmcagent.redfish.backend.NetworkSettings.StaticIpv4;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BMC's network through systemd-networkd: one {@code 50-bmc-agent-<interface>.network} file per interface in
 * {@code directory} (systemd.network(5): {@code [Match] Name=}, {@code [Network] DHCP= Domains= DNS= Address=
 * Gateway=}, {@code [DHCPv4] UseDNS= UseGateway= UseDomains=}), the host name in {@code hostnameFile} (hostname(5)),
 * then the reload command (e.g. {@code networkctl reload}) and, when the host name changed, the host-name command
 * (e.g. {@code hostnamectl set-hostname {hostname}}). Files are replaced atomically (write, then rename). When a
 * command fails or times out the previous files are put back and the reload command run again, so a refused change
 * leaves the previous configuration in effect. What {@link #settings} returns is parsed back from the files.
 */
public final class NetworkdBackend implements NetworkConfigBackend {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkdBackend.class);
    /** Linux interface names: at most 15 bytes (IFNAMSIZ - 1), no '/' (they become file names here). */
    private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_.:-]{1,15}");

    private final Path directory;
    private final Path hostnameFile;
    private final List<String> reload;
    private final List<String> setHostname;
    private final Duration timeout;

    /**
     * @param directory    where the .network files go (/etc/systemd/network on a BMC)
     * @param hostnameFile where the host name goes (/etc/hostname on a BMC)
     * @param reload       argv run after the files changed (empty: none)
     * @param setHostname  argv run after the host name changed, {@code {hostname}} replaced (empty: none)
     * @param timeout      how long a command may run before it is killed and counted as failed
     */
    public NetworkdBackend(
            Path directory, Path hostnameFile, List<String> reload, List<String> setHostname, Duration timeout) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.hostnameFile = Objects.requireNonNull(hostnameFile, "hostnameFile");
        this.reload = List.copyOf(reload);
        this.setHostname = List.copyOf(setHostname);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The file of interface {@code name}. */
    public Path file(String name) {
        if (!IFNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("interface name " + name);
        }
        return directory.resolve("50-bmc-agent-" + name + ".network");
    }

    @Override
    public synchronized Optional<String> hostName() {
        return read(hostnameFile).map(String::trim).filter(s -> !s.isEmpty() && !s.contains("\n"));
    }

    @Override
    public synchronized Optional<NetworkSettings> settings(String name) {
        return read(file(name)).map(text -> parse(text, hostName()));
    }

    @Override
    public synchronized void apply(String name, NetworkSettings desired) throws NetworkConfigException {
        Path file = file(name);
        Optional<String> oldFile = read(file);
        Optional<String> oldHost = read(hostnameFile);
        String newFile = render(name, desired);
        Optional<String> newHost = desired.hostName().map(h -> h + "\n");
        boolean hostChanged = newHost.isPresent() && !newHost.equals(oldHost);
        try {
            Files.createDirectories(directory);
            write(file, newFile);
            if (hostChanged) {
                write(hostnameFile, newHost.get());
            }
        } catch (IOException e) {
            restore(file, oldFile, oldHost, hostChanged);
            throw new NetworkConfigException("writing " + file + ": " + e.getMessage(), e);
        }
        Optional<String> failure =
                reload.isEmpty() || oldFile.equals(Optional.of(newFile)) ? Optional.empty() : run(reload);
        if (failure.isEmpty() && hostChanged && !setHostname.isEmpty()) {
            failure = run(setHostname.stream()
                    .map(a -> a.replace("{hostname}", desired.hostName().get()))
                    .toList());
        }
        if (failure.isPresent()) {
            restore(file, oldFile, oldHost, hostChanged);
            if (!reload.isEmpty()) {
                run(reload).ifPresent(f -> LOG.warn("network: reload after restoring {} failed too: {}", file, f));
            }
            throw new NetworkConfigException(failure.get());
        }
        LOG.info("network: {} configured ({})", name, file);
    }

    private void restore(Path file, Optional<String> oldFile, Optional<String> oldHost, boolean hostChanged) {
        try {
            if (oldFile.isPresent()) {
                write(file, oldFile.get());
            } else {
                Files.deleteIfExists(file);
            }
            if (hostChanged) {
                if (oldHost.isPresent()) {
                    write(hostnameFile, oldHost.get());
                } else {
                    Files.deleteIfExists(hostnameFile);
                }
            }
        } catch (IOException e) {
            LOG.error("network: could not restore {}: {}", file, e.toString());
        }
    }

    /** The failure (exit status, time-out, start failure), or empty when {@code argv} exited 0. */
    private Optional<String> run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return Optional.of(argv + " timed out after " + timeout.toSeconds() + " s");
            }
            return p.exitValue() == 0
                    ? Optional.empty()
                    : Optional.of(argv + " failed with exit status " + p.exitValue());
        } catch (IOException e) {
            return Optional.of(argv + " could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(argv + " interrupted");
        }
    }

    static String render(String name, NetworkSettings s) {
        StringBuilder b = new StringBuilder();
        b.append("# Written by bmc-agent (Redfish Managers/bmc/EthernetInterfaces/")
                .append(name)
                .append("); changes made here are replaced by the next PATCH.\n");
        b.append("[Match]\nName=").append(name).append("\n\n[Network]\n");
        String dhcp = s.dhcpv4().enabled() ? (s.dhcpv6() ? "yes" : "ipv4") : (s.dhcpv6() ? "ipv6" : "no");
        b.append("DHCP=").append(dhcp).append('\n');
        s.domainName().ifPresent(d -> b.append("Domains=").append(d).append('\n'));
        s.staticNameServers().forEach(d -> b.append("DNS=").append(d).append('\n'));
        for (StaticIpv4 a : s.ipv4Static()) {
            b.append("Address=")
                    .append(a.address())
                    .append('/')
                    .append(a.prefixLength())
                    .append('\n');
        }
        s.ipv4Static().stream()
                .flatMap(a -> a.gateway().stream())
                .findFirst()
                .ifPresent(g -> b.append("Gateway=").append(g).append('\n'));
        b.append("\n[DHCPv4]\n");
        b.append("UseDNS=").append(yes(s.dhcpv4().useDnsServers())).append('\n');
        b.append("UseGateway=").append(yes(s.dhcpv4().useGateway())).append('\n');
        b.append("UseDomains=").append(yes(s.dhcpv4().useDomainName())).append('\n');
        return b.toString();
    }

    /** Parses a file this class wrote (the keys above; others are ignored). */
    static NetworkSettings parse(String text, Optional<String> hostName) {
        String section = "";
        String dhcp = "no";
        Optional<String> domain = Optional.empty();
        List<String> dns = new ArrayList<>();
        List<String[]> addresses = new ArrayList<>();
        Optional<String> gateway = Optional.empty();
        boolean useDns = true;
        boolean useGateway = true;
        boolean useDomains = false;
        for (String raw : text.split("\n", -1)) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            switch (section + "." + key) {
                case "Network.DHCP" -> dhcp = value.toLowerCase(Locale.ROOT);
                case "Network.Domains" ->
                    domain = value.isEmpty() ? Optional.empty() : Optional.of(value.split("\\s+", -1)[0]);
                case "Network.DNS" -> dns.addAll(List.of(value.split("\\s+", -1)));
                case "Network.Address" -> addresses.add(value.split("/", 2));
                case "Network.Gateway" -> gateway = Optional.of(value);
                case "DHCPv4.UseDNS" -> useDns = bool(value);
                case "DHCPv4.UseGateway" -> useGateway = bool(value);
                case "DHCPv4.UseDomains" -> useDomains = bool(value);
                default -> {}
            }
        }
        List<StaticIpv4> v4 = new ArrayList<>();
        boolean gatewayGiven = false;
        for (String[] a : addresses) {
            if (a[0].contains(":")) {
                continue; // IPv6 static addresses are not managed here
            }
            int prefix = a.length > 1 ? Integer.parseInt(a[1]) : 32;
            Optional<String> g = Optional.empty();
            if (!gatewayGiven && gateway.isPresent() && NetworkPatch.sameSubnet(gateway.get(), a[0], prefix)) {
                g = gateway;
                gatewayGiven = true;
            }
            v4.add(new StaticIpv4(a[0], prefix, g));
        }
        boolean v4on = dhcp.equals("yes") || dhcp.equals("ipv4") || dhcp.equals("true");
        boolean v6on = dhcp.equals("yes") || dhcp.equals("ipv6") || dhcp.equals("true");
        return new NetworkSettings(hostName, domain, dns, new Dhcpv4(v4on, useDns, useGateway, useDomains), v6on, v4);
    }

    private static boolean bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "on" -> true;
            default -> false;
        };
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("network: cannot read {}: {}", p, e.toString());
            return Optional.empty();
        }
    }

    private static void write(Path p, String text) throws IOException {
        Path tmp = p.resolveSibling("." + p.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
