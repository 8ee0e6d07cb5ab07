package dev.bmcagent.ipmi.sdr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An immutable SDR repository (IPMI 2.0 §33): the MC device locator, the FRU device locator, then one record
 * per sensor (full for threshold sensors, compact for discrete). Record IDs run from 0001h in that order.
 */
public final class SdrRepository {
    private final List<byte[]> records;
    private final Map<Integer, Integer> indexById = new HashMap<>();
    private final Map<Integer, SensorDefinition> sensors = new HashMap<>();
    private final long addTimestamp;

    private SdrRepository(List<byte[]> records, List<SensorDefinition> defs, long addTimestamp) {
        this.records = records;
        for (int i = 0; i < records.size(); i++) {
            indexById.put(idOf(records.get(i)), i);
        }
        for (SensorDefinition d : defs) {
            if (sensors.putIfAbsent(d.number(), d) != null) {
                throw new IllegalArgumentException("duplicate sensor number: " + d.number());
            }
        }
        this.addTimestamp = addTimestamp;
    }

    /**
     * Builds the repository: the MC and FRU device locators, then the sensors.
     *
     * @param bmcName      ID string of the MC device locator (e.g. "BMC")
     * @param fruName      ID string of the FRU device locator for FRU device 0 (e.g. "Builtin FRU")
     * @param sensors      the sensors, e.g. {@link SensorCatalog#standard(int, int)}
     * @param addTimestamp SEL-time seconds reported as the most recent addition
     */
    public static SdrRepository build(
            String bmcName, String fruName, List<SensorDefinition> sensors, long addTimestamp) {
        List<byte[]> list = new ArrayList<>();
        int id = 1;
        list.add(SdrRecords.mcLocator(id++, bmcName));
        list.add(SdrRecords.fruLocator(id++, 0, fruName));
        for (SensorDefinition s : sensors) {
            list.add(s.isThreshold() ? SdrRecords.full(id++, s) : SdrRecords.compact(id++, s));
        }
        return new SdrRepository(List.copyOf(list), sensors, addTimestamp);
    }

    private static int idOf(byte[] record) {
        return (record[0] & 0xFF) | (record[1] & 0xFF) << 8;
    }

    public int size() {
        return records.size();
    }

    public long addTimestamp() {
        return addTimestamp;
    }

    /** Record by ID; 0000h = first, FFFFh = last (§33.12). */
    public Optional<byte[]> record(int recordId) {
        if (records.isEmpty()) {
            return Optional.empty();
        }
        if (recordId == 0x0000) {
            return Optional.of(records.get(0).clone());
        }
        if (recordId == 0xFFFF) {
            return Optional.of(records.get(records.size() - 1).clone());
        }
        Integer i = indexById.get(recordId);
        return i == null ? Optional.empty() : Optional.of(records.get(i).clone());
    }

    /** Next record's ID, empty after the last. */
    public OptionalInt nextId(byte[] record) {
        int i = indexById.get(idOf(record));
        return i + 1 < records.size() ? OptionalInt.of(idOf(records.get(i + 1))) : OptionalInt.empty();
    }

    public Optional<SensorDefinition> sensor(int number) {
        return Optional.ofNullable(sensors.get(number));
    }

    /** The sensor with this ID string, if the SDR has one. */
    public Optional<SensorDefinition> sensor(String name) {
        return sensors.values().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** All records concatenated (the format of {@code ipmitool sdr dump}). */
    public byte[] dump() {
        int total = records.stream().mapToInt(r -> r.length).sum();
        byte[] out = new byte[total];
        int pos = 0;
        for (byte[] r : records) {
            System.arraycopy(r, 0, out, pos, r.length);
            pos += r.length;
        }
        return out;
    }

    @Override
    public String toString() {
        return "SdrRepository[" + records.size() + " records, sensors "
                + Arrays.toString(sensors.keySet().toArray()) + "]";
    }
}
