package org.ward.connector.alerts;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A channel's quiet hours, "22:00-07:00" in the alerts' time zone (a range may cross midnight). An alert due inside
 * them waits until they end.
 *
 * @param from when they start
 * @param to when they end
 */
public record QuietHours(LocalTime from, LocalTime to) {

    static QuietHours parse(String text, String setting) {
        String[] parts = text.trim().split("\\s*-\\s*");
        try {
            if (parts.length == 2) {
                QuietHours hours = new QuietHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
                if (!hours.from.equals(hours.to)) {
                    return hours;
                }
            }
        } catch (DateTimeParseException e) {
            // the sentence below
        }
        throw new InvalidAlertSettingException(setting + " is '" + text + "': give a range such as 22:00-07:00.");
    }

    /** When the quiet hours {@code at} falls in end, or null when {@code at} is not in them. */
    public Instant endsAfter(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = from.isAfter(to);
        boolean inside = overnight ? !time.isBefore(from) || time.isBefore(to) : !time.isBefore(from) && time.isBefore(to);
        if (!inside) {
            return null;
        }
        ZonedDateTime end = local.with(to).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
