package org.ward.simulator.throttle;

/**
 * What one request costs: which budget it draws on and how many units.
 *
 * @param bucket the budget's name ({@link Buckets})
 * @param units the units this request spends
 */
public record Charge(String bucket, int units) {

    public static final Charge FREE = new Charge(Buckets.NONE, 0);

    public static Charge sharePoint(int units) {
        return new Charge(Buckets.SHAREPOINT, units);
    }

    public static Charge directory(int units) {
        return new Charge(Buckets.DIRECTORY, units);
    }
}
