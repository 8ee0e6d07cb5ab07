package dev.bmcagent.ipmi.sel;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The System Event Log of one host (IPMI 2.0 §31). Implementations: {@link InMemorySelStore}; the agent
 * provides a durable one over its journal. Both must pass {@code SelStoreContract}.
 *
 * <p>Policy every implementation follows:
 * <ul>
 *   <li>IDs are assigned by the store, ascending from 0001h, skipping 0000h and FFFFh (reserved as
 *       "first"/"last" aliases); an ID is never reused, not even after delete or clear (after FFFEh the
 *       counter wraps to 0001h, skipping IDs still present).</li>
 *   <li>Timestamped records (type 02h, C0h-DFh) are stamped with the store's clock when appended
 *       (the timestamp in the argument is ignored, as Add SEL Entry requires).</li>
 *   <li>When the store is at capacity, appending drops the oldest record and sets the overflow flag
 *       (reported in Get SEL Info byte 14 bit 7) until the next clear.</li>
 * </ul>
 */
public interface SelStore {
    /** Appends a record (its ID is ignored) and returns the ID assigned. */
    int append(SelRecord record);

    Optional<SelRecord> get(int recordId);

    Optional<SelRecord> first();

    Optional<SelRecord> last();

    /** ID of the record that follows {@code recordId}, empty at the end (or if {@code recordId} is absent). */
    OptionalInt nextId(int recordId);

    /** Deletes one record; false if absent. */
    boolean delete(int recordId);

    /** Erases all records; IDs continue from where they were. Records the erase timestamp. */
    void clear();

    SelInfo info();

    /** Maximum number of records held. */
    int capacity();
}
