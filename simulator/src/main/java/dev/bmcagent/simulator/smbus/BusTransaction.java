package dev.bmcagent.simulator.smbus;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded SMBus transaction.
 *
 * @param master   who drove it
 * @param address  7-bit target address
 * @param start    virtual start time
 * @param end      virtual end time (exclusive)
 * @param collided whether another master's transaction overlapped it
 * @param failed   whether it returned bad data (a firmware SPD read corrupted by a collision)
 */
public record BusTransaction(
        BusMaster master, int address, Instant start, Instant end, boolean collided, boolean failed) {
    public BusTransaction {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (address < 0 || address > 0x7F) {
            throw new IllegalArgumentException("7-bit address out of range: " + address);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("transaction ends before it starts");
        }
    }
}
