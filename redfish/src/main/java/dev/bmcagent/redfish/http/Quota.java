package dev.bmcagent.redfish.http;

/**
 * A shared limit split per account: at most {@code max} in all; an account that is not an Administrator holds at
 * most {@code perAccount} of them, and only while more than {@code adminReserve} remain free, so one low-privilege
 * account (or several) can never take the last slots and an Administrator can always get one.
 *
 * @param max          the whole limit
 * @param perAccount   what one non-Administrator account may hold
 * @param adminReserve slots only Administrators may take
 */
public record Quota(int max, int perAccount, int adminReserve) {
    public Quota {
        if (max < 1 || perAccount < 1 || adminReserve < 0 || adminReserve >= max) {
            throw new IllegalArgumentException("quota needs max >= 1, perAccount >= 1, 0 <= adminReserve < max");
        }
    }

    /** The defaults scaled to {@code max}: per account and reserve are the given numbers, cut to fit small limits. */
    public static Quota of(int max, int perAccount, int adminReserve) {
        int reserve = adminReserve * 2 <= max ? adminReserve : max / 2;
        return new Quota(max, Math.max(1, Math.min(perAccount, max - reserve)), Math.min(reserve, max - 1));
    }

    /** Whether an account holding {@code owned} of {@code total} may take one more. */
    public boolean admits(boolean administrator, long owned, long total) {
        if (total >= max) {
            return false;
        }
        return administrator || (owned < perAccount && total < max - adminReserve);
    }
}
