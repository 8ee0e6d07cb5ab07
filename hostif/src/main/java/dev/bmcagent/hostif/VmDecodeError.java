package dev.bmcagent.hostif;

/** Why the decoder dropped a frame. The connection always survives. */
enum VmDecodeError {
    /** A terminator (A0h/A1h) directly after the escape byte AAh. */
    ENDED_IN_ESCAPE,
    /** More than {@link VmFrameDecoder#MAX_FRAME_BYTES} decoded bytes before the terminator. */
    OVERSIZED,
    /** An IPMI message shorter than msg id + netFn + cmd + checksum (4 bytes). */
    TOO_SHORT,
    /** The 8-bit sum of an IPMI message's bytes, checksum included, is not zero. */
    BAD_CHECKSUM
}
