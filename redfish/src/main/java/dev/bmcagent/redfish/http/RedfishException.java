package dev.bmcagent.redfish.http;

import java.util.Objects;

/** Carries a {@link RedfishError} out of a handler to the route wrapper that renders it. No stack trace. */
public final class RedfishException extends RuntimeException {
    private final transient RedfishError error;

    public RedfishException(RedfishError error) {
        super(error.infos().get(0).message().name(), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public RedfishError error() {
        return error;
    }
}
