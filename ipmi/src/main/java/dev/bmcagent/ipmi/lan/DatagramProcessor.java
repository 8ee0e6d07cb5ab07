package dev.bmcagent.ipmi.lan;

import java.net.InetSocketAddress;
import java.util.Optional;

/** Bytes in from a sender, optionally bytes back: the whole protocol behind the UDP socket. Never throws. */
@FunctionalInterface
public interface DatagramProcessor {
    Optional<byte[]> process(byte[] datagram, InetSocketAddress sender);

    /**
     * Called by the server on the same thread after the reply of {@link #process} (if any) was written: work that
     * must not delay the reply (log lines) runs here. Never throws.
     */
    default void afterReply() {}
}
