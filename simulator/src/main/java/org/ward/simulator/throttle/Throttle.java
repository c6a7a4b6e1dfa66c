package org.ward.simulator.throttle;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ward.simulator.server.GraphException;

/**
 * Enforces the budgets per application (and per tenant for identity protection). A request that does not fit
 * is refused with 429 and, where the service sends one, a {@code Retry-After} in whole seconds. Throttled
 * requests still count against the budget, as Microsoft warns, so a client that keeps retrying stays throttled.
 * Near the SharePoint limit responses carry the {@code RateLimit-*} headers Microsoft sends from 80% usage.
 */
public final class Throttle {

    private final Clock clock;
    private final Map<String, Budget> budgets;
    private final Map<String, SlidingWindow> windows = new ConcurrentHashMap<>();
    private volatile boolean enabled;
    private final java.util.Set<String> outages = ConcurrentHashMap.newKeySet();

    public Throttle(Clock clock, Map<String, Budget> budgets, boolean enabled) {
        this.clock = clock;
        this.budgets = new ConcurrentHashMap<>(budgets);
        this.enabled = enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public void setBudget(String bucket, Budget budget) {
        budgets.put(bucket, budget);
        windows.keySet().removeIf(key -> key.endsWith("|" + bucket));
    }

    public Budget budget(String bucket) {
        return budgets.get(bucket);
    }

    /**
     * Takes the service behind a bucket down, or brings it back: while down, every request charged to it answers
     * 500 generalException, as an outage of one Microsoft service does (specs of a read that fails for good).
     */
    public void outage(String bucket, boolean down) {
        if (down) {
            outages.add(bucket);
        } else {
            outages.remove(bucket);
        }
    }

    /**
     * Admits a request or throws 429.
     *
     * @return headers to add to the response (RateLimit-* near the limit), possibly empty
     */
    public Map<String, String> admit(String appId, Charge charge) {
        if (outages.contains(charge.bucket())) {
            throw new GraphException(500, "generalException", "An unexpected error occurred.");
        }
        Budget budget = budgets.get(charge.bucket());
        if (!enabled || budget == null || charge.units() <= 0) {
            return Map.of();
        }
        String owner = Buckets.IDENTITY_PROTECTION.equals(charge.bucket()) ? "tenant" : appId;
        SlidingWindow window = windows.computeIfAbsent(owner + "|" + charge.bucket(), k -> new SlidingWindow(budget.window()));
        long now = clock.millis();
        long wait;
        long usedAfter;
        synchronized (window) {
            wait = window.waitFor(now, charge.units(), budget.units());
            window.spend(now, charge.units());
            usedAfter = window.used(now);
        }
        if (wait > 0) {
            GraphException refused = new GraphException(429, "TooManyRequests",
                    "Too many requests. The application has exceeded its " + charge.bucket() + " budget.");
            if (budget.sendsRetryAfter()) {
                refused.header("Retry-After", String.valueOf(Math.max(1, (wait + 999) / 1000)));
            }
            throw refused;
        }
        if (Buckets.SHAREPOINT.equals(charge.bucket()) && usedAfter * 5 >= budget.units() * 4) {
            return Map.of("RateLimit-Limit", String.valueOf(budget.units()),
                    "RateLimit-Remaining", String.valueOf(Math.max(0, budget.units() - usedAfter)),
                    "RateLimit-Reset", String.valueOf(budget.window().toSeconds()));
        }
        return Map.of();
    }
}
