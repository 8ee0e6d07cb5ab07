package dev.bmcagent.redfish.backend;

import java.util.Objects;

/** ComputerSystem {@code ProcessorSummary}. */
public record ProcessorSummaryView(int count, int coreCount, String model) {
    public ProcessorSummaryView {
        Objects.requireNonNull(model, "model");
        if (count < 0 || coreCount < 0) {
            throw new IllegalArgumentException("negative processor count");
        }
    }
}
