package dev.bmcagent.simulator.netboot;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What a boot option attempt costs under a firmware's network stack (docs/PROTOCOL-REFERENCE.md "Network boot
 * firmware behaviour").
 *
 * @param name        profile name (vendor, edk2, ipxe)
 * @param noLink      waiting for link on a port without one
 * @param noDhcp4     DHCPv4 discover retries with nobody answering
 * @param noDhcp6     DHCPv6 solicit / router solicitation with nobody answering
 * @param noServer    address obtained, boot server not answering (HTTP I/O, TFTP, TCP connect)
 * @param networkBoot a successful network boot: address, download, start of the loader
 * @param diskProbe   trying a disk without an OS
 * @param diskBoot    a successful disk boot up to the loader
 */
public record NetbootProfile(
        String name,
        Duration noLink,
        Duration noDhcp4,
        Duration noDhcp6,
        Duration noServer,
        Duration networkBoot,
        Duration diskProbe,
        Duration diskBoot) {

    /** Vendor firmware observed in the field: about five minutes per dead interface, whatever the reason. */
    public static final NetbootProfile VENDOR = new NetbootProfile(
            "vendor",
            Duration.ofSeconds(300),
            Duration.ofSeconds(300),
            Duration.ofSeconds(300),
            Duration.ofSeconds(300),
            Duration.ofSeconds(30),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));

    /** EDK2 reference: 20 s link wait, DHCPv4 4+8+16+32 s, DHCPv6 capped at 60 s, HTTP I/O 5 s. */
    public static final NetbootProfile EDK2 = new NetbootProfile(
            "edk2",
            Duration.ofSeconds(20),
            Duration.ofSeconds(4 + 8 + 16 + 32),
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            Duration.ofSeconds(20),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    /** iPXE: link wait 15 s, DHCP 1+2+4+8 s, IPv6 router solicitation ~3.9 s, TCP connect ~15.75 s. */
    public static final NetbootProfile IPXE = new NetbootProfile(
            "ipxe",
            Duration.ofSeconds(15),
            Duration.ofSeconds(1 + 2 + 4 + 8),
            Duration.ofMillis(3_900),
            Duration.ofMillis(15_750),
            Duration.ofSeconds(15),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    public NetbootProfile {
        Objects.requireNonNull(name, "name");
        for (Duration d : new Duration[] {noLink, noDhcp4, noDhcp6, noServer, networkBoot, diskProbe, diskBoot}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(name + ": durations must be non-negative");
            }
        }
    }

    /** The {@code --profile} that is the vendor firmware with the seeds' boot list (HTTPS and chainloaded iPXE). */
    public static final String VENDOR_IPXE = "vendor-ipxe";

    /**
     * Parses vendor, vendor-ipxe (the vendor firmware's timings; its iPXE options cost what {@link #IPXE} says),
     * edk2 or ipxe.
     */
    public static NetbootProfile named(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "vendor", VENDOR_IPXE -> VENDOR;
            case "edk2" -> EDK2;
            case "ipxe" -> IPXE;
            default -> throw new IllegalArgumentException("unknown network boot profile: " + name);
        };
    }

    /** The boot list a {@code --profile} name implies: {@code vendor-ipxe} the seeds' HTTPS/iPXE list. */
    public static Nvram.BootList bootList(String name) {
        return name.trim().toLowerCase(Locale.ROOT).equals(VENDOR_IPXE)
                ? Nvram.BootList.HTTPS_IPXE
                : Nvram.BootList.VENDOR;
    }

    /**
     * Time the attempt of {@code option} takes when the environment says {@code outcome}. An iPXE option runs iPXE's
     * own network stack whatever the firmware's is: it costs what {@link #IPXE} says.
     */
    public Duration cost(BootOption option, Reachability outcome) {
        if (option.kind() == BootOption.Kind.IPXE && !this.equals(IPXE)) {
            return IPXE.cost(option, outcome);
        }
        return switch (outcome) {
            case BOOTS -> option.isNetwork() ? networkBoot : diskBoot;
            case NO_LINK -> noLink;
            case NO_DHCP -> option.ipv6() ? noDhcp6 : noDhcp4;
            case NO_SERVER -> noServer;
            case NO_MEDIA -> diskProbe;
            default -> throw new IllegalStateException("unknown outcome " + outcome);
        };
    }
}
