package dev.bmcagent.ipmi.message;

/**
 * Thrown by a handler to answer with a specific completion code (e.g. C9h parameter out of range,
 * CCh invalid data field, C5h reservation cancelled). Unchecked: the dispatcher turns it into a response.
 */
public final class IpmiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CompletionCode completionCode;

    public IpmiException(CompletionCode completionCode, String message) {
        super(message, null, false, false);
        this.completionCode = completionCode;
    }

    public CompletionCode completionCode() {
        return completionCode;
    }
}
