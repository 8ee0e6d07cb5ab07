package dev.bmcagent.ipmi.sel;

/**
 * A {@link SelStore} could not store a change because its storage refused the write (disk full, I/O error). Nothing
 * was changed. Commands answer it with completion code C4h "out of space" (IPMI 2.0 table 5-2).
 */
public final class SelOutOfSpaceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SelOutOfSpaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
