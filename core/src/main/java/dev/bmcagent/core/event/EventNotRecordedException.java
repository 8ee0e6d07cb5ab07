package dev.bmcagent.core.event;

/** The history could not make an event durable: it was not recorded and not delivered to anyone. */
final class EventNotRecordedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EventNotRecordedException(String message, Throwable cause) {
        super(message, cause);
    }
}
