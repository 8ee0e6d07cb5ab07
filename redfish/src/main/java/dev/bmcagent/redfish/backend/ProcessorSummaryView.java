package dev.bmcagent.redfish.backend;

import java.util.Objects;

/**
 * ComputerSystem {@code ProcessorSummary}: sockets, cores (0: unknown, CoreCount left out) and the model ("": unknown,
 * Model left out).
 */
public record ProcessorSummaryView(int count, int coreCount, String model) {
    public ProcessorSummaryView {
        Objects.requireNonNull(model, "model");
        if (count < 0 || coreCount < 0) {
            throw new IllegalArgumentException("negative processor count");
        }
    }
}
