package org.ward.connector.alerts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code alerts} health contributor: every alert channel's record from the outbox (sent, waiting, given up, last
 * error), DOWN while a channel is failing — by the same test as {@code ward alerts}' exit code — so that a monitor
 * watching {@code /actuator/health} hears of a dead receiver. It is deliberately in neither probe group: a failing
 * receiver must not restart Ward or take it out of service, since alerting never blocks the rest.
 */
public class AlertChannelsHealth implements HealthIndicator {

    private final AlertSettings settings;
    private final AlertOutbox outbox;

    public AlertChannelsHealth(AlertSettings settings, AlertOutbox outbox) {
        this.settings = settings;
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        if (!settings.on()) {
            return Health.up().withDetail("enabled", false).build();
        }
        Map<String, AlertOutbox.ChannelHealth> records = new LinkedHashMap<>();
        outbox.health().forEach(h -> records.put(h.channel(), h));
        TreeSet<String> names = new TreeSet<>(settings.channels().keySet());
        names.addAll(records.keySet()); // a channel removed from the settings with alerts still in the outbox
        Map<String, Object> channels = new LinkedHashMap<>();
        List<String> failing = new ArrayList<>();
        for (String name : names) {
            AlertOutbox.ChannelHealth h = records.getOrDefault(name, new AlertOutbox.ChannelHealth(name, 0, 0, 0, null));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("sent", h.sent());
            detail.put("waiting", h.waiting());
            detail.put("givenUp", h.failed());
            if (h.lastError() != null) {
                detail.put("lastError", h.lastError());
            }
            channels.put(name, detail);
            if (h.failing()) {
                failing.add(name);
            }
        }
        Health.Builder health = failing.isEmpty() ? Health.up() : Health.down().withDetail("failing", failing);
        return health.withDetail("channels", channels).build();
    }
}
