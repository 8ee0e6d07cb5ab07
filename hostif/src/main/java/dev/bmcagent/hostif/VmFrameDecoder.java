package dev.bmcagent.hostif;

import java.util.Arrays;

/**
 * Pure, incremental VM-protocol decoder for one byte stream (one per connection, not thread-safe).
 * It follows OpenIPMI {@code lanserv/serial_ipmi.c vm_handle_char()}, which QEMU's
 * {@code receive()} mirrors:
 * <ul>
 *   <li>AAh sets "escape"; the next ordinary byte has bit 4 cleared ({@code ch & ~10h}).</li>
 *   <li>A0h/A1h end the current frame: dropped if it ended in an escape or overflowed, ignored if
 *       empty, otherwise delivered as a {@link VmMessage} (A0h) or a {@link VmControl} (A1h).</li>
 *   <li>More than {@link #MAX_FRAME_BYTES} bytes: everything up to the next terminator is discarded.</li>
 *   <li>A message needs at least 4 bytes and a zero 8-bit sum over all its bytes, checksum included.</li>
 * </ul>
 */
final class VmFrameDecoder {
    /**
     * Largest decoded frame: QEMU's {@code inbuf[MAX_IPMI_MSG_SIZE + 2]} with MAX_IPMI_MSG_SIZE = 300
     * (msg id + 300 bytes of netFn, cmd and data + checksum would be 302; QEMU caps at 302 as well).
     */
    public static final int MAX_FRAME_BYTES = 302;

    /** Receives what the decoder produced. */
    public interface Sink {
        void frame(VmFrame frame);

        void error(VmDecodeError error);
    }

    private final byte[] buffer = new byte[MAX_FRAME_BYTES];
    private int length;
    private boolean inEscape;
    private boolean tooMany;

    /** Feeds {@code len} bytes of {@code bytes} starting at {@code offset}. */
    public void decode(byte[] bytes, int offset, int len, Sink sink) {
        for (int i = offset; i < offset + len; i++) {
            decode(bytes[i] & 0xFF, sink);
        }
    }

    /** Feeds one byte (0-255). */
    public void decode(int ch, Sink sink) {
        switch (ch) {
            case VmCodes.MSG_CHAR, VmCodes.CMD_CHAR -> endOfFrame(ch, sink);
            case VmCodes.ESCAPE_CHAR -> {
                if (!tooMany) {
                    inEscape = true;
                }
            }
            default -> {
                int b = ch;
                if (inEscape) {
                    inEscape = false;
                    b &= ~VmCodes.ESCAPE_BIT;
                }
                if (!tooMany) {
                    if (length >= buffer.length) {
                        tooMany = true;
                    } else {
                        buffer[length++] = (byte) b;
                    }
                }
            }
        }
    }

    /** True when a partial frame is buffered (bytes since the last terminator). */
    public boolean hasPartialFrame() {
        return length > 0 || inEscape || tooMany;
    }

    private void endOfFrame(int terminator, Sink sink) {
        try {
            if (inEscape) {
                sink.error(VmDecodeError.ENDED_IN_ESCAPE);
            } else if (tooMany) {
                sink.error(VmDecodeError.OVERSIZED);
            } else if (length == 0) {
                return;
            } else if (terminator == VmCodes.MSG_CHAR) {
                message(sink);
            } else {
                sink.frame(new VmControl(buffer[0] & 0xFF, Arrays.copyOfRange(buffer, 1, length)));
            }
        } finally {
            inEscape = false;
            tooMany = false;
            length = 0;
        }
    }

    private void message(Sink sink) {
        if (length < 4) {
            sink.error(VmDecodeError.TOO_SHORT);
            return;
        }
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += buffer[i] & 0xFF;
        }
        if ((sum & 0xFF) != 0) {
            sink.error(VmDecodeError.BAD_CHECKSUM);
            return;
        }
        int netFnLun = buffer[1] & 0xFF;
        sink.frame(new VmMessage(
                buffer[0] & 0xFF,
                netFnLun >> 2,
                netFnLun & 3,
                buffer[2] & 0xFF,
                Arrays.copyOfRange(buffer, 3, length - 1)));
    }
}
