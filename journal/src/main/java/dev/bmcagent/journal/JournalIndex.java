package dev.bmcagent.journal;

import java.util.Arrays;

/** Ids and file offsets of the live frames of one journal, in append order (ids strictly increasing). */
final class JournalIndex {
    private long[] ids = new long[64];
    private long[] offsets = new long[64];
    private int size;

    void add(long id, long offset) {
        if (size > 0 && id <= ids[size - 1]) {
            throw new IllegalStateException("ids must increase: " + id + " after " + ids[size - 1]);
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        ids[size] = id;
        offsets[size] = offset;
        size++;
    }

    int size() {
        return size;
    }

    long id(int position) {
        return ids[position];
    }

    long offset(int position) {
        return offsets[position];
    }

    /** Position of the first frame whose id is {@code >= id} (size() if none). */
    int firstAtOrAfter(long id) {
        int i = Arrays.binarySearch(ids, 0, size, id);
        return i >= 0 ? i : -i - 1;
    }

    /** Position of exactly {@code id}, or -1. */
    int positionOf(long id) {
        int i = Arrays.binarySearch(ids, 0, size, id);
        return i >= 0 ? i : -1;
    }
}
