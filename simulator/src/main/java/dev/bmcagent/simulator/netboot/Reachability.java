package dev.bmcagent.simulator.netboot;

/** What happens when firmware tries a boot option in a given environment. */
public enum Reachability {
    /** It boots. */
    BOOTS,
    /** No link on the port. */
    NO_LINK,
    /** Link up, nobody answers DHCP (or router solicitation for IPv6). */
    NO_DHCP,
    /** Address obtained, but the boot server (HTTP/TFTP) does not answer. */
    NO_SERVER,
    /** A disk without a bootable OS. */
    NO_MEDIA
}
