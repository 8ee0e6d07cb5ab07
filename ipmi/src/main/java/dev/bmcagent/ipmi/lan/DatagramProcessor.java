package dev.bmcagent.ipmi.lan;

import java.net.InetSocketAddress;
import java.util.Optional;

/** Bytes in from a sender, optionally bytes back: the whole protocol behind the UDP socket. Never throws. */
@FunctionalInterface
public interface DatagramProcessor {
    Optional<byte[]> process(byte[] datagram, InetSocketAddress sender);
}
