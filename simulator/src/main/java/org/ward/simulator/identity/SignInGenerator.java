package org.ward.simulator.identity;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.UUID;

import org.ward.simulator.tenant.SignInPlace;
import org.ward.simulator.tenant.SignInRecord;
import org.ward.simulator.tenant.SignInSource;

/**
 * A month (or any span) of ordinary sign-ins, made on demand one hour at a time from a seed, so the same seed gives
 * the same log and a million events never sit in memory. Staff sign in from their practice's network in working
 * hours and from home otherwise, always in their home city; a small share type a wrong password once. Nothing it
 * makes is an anomaly: anomalies are planted by the fixture, so tests know exactly what to expect.
 *
 * <p>Each hour's count follows a working-day curve, and counts are spread by cumulative rounding so the whole log
 * holds exactly {@code total} events.
 */
public final class SignInGenerator implements SignInSource {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    /** Relative sign-in activity by hour of day (UTC, the UK in winter): a working day with a lunch dip. */
    private static final double[] HOURLY = {0.1, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.5, 2.6, 2.6, 2.1, 2.0, 1.5, 2.0,
        2.0, 1.8, 1.5, 1.0, 0.6, 0.4, 0.3, 0.2, 0.15, 0.1};
    private static final double WEEKEND = 0.25;

    /** An application staff use, as Entra names it. */
    private record App(String id, String name) {
    }

    private static final App[] APPS = {
        new App("00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online"),
        new App("1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams"),
        new App("00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online"),
        new App("4765445b-32c6-49b0-83e6-1d93765276ca", "OfficeHome"),
        new App("d3590ed6-52b3-4102-aeff-aad2292ab01c", "Microsoft Office"),
    };
    private static final String[][] DEVICES = {
        {"Windows 10", "Edge 131.0.0"}, {"Windows 11", "Chrome 131.0.0"}, {"MacOs", "Safari 17.6"},
        {"Ios", "Mobile Safari 17.6"}, {"Android", "Chrome Mobile 131.0.0"},
    };

    /**
     * Someone the generator signs in.
     *
     * @param id object id
     * @param upn user principal name
     * @param displayName display name
     * @param home the city they live and work in
     * @param homeIp their home broadband address
     * @param officeIp their practice's network address (shared with colleagues)
     * @param mfa whether they have a second factor; without one their sign-ins are single-factor
     */
    public record Person(String id, String upn, String displayName, SignInPlace home, String homeIp, String officeIp,
            boolean mfa) {
    }

    private final List<Person> people;
    private final Instant start;
    private final Instant end;
    private final long seed;
    private final double failureRate;
    private final String riskLevel;
    private final String conditionalAccessStatus;
    private final double[] cumulative;

    /**
     * @param people who signs in (at least one)
     * @param start the first possible sign-in
     * @param end the last possible sign-in
     * @param total how many sign-ins the log holds
     * @param failureRate the share that are a single wrong password (50126)
     * @param seed the seed
     * @param riskLevel what risk fields show: "none", or "hidden" for tenants without Entra ID P2
     * @param conditionalAccessStatus what successful sign-ins show: "success" when policies apply, else "notApplied"
     */
    public SignInGenerator(List<Person> people, Instant start, Instant end, long total, double failureRate, long seed,
            String riskLevel, String conditionalAccessStatus) {
        if (people.isEmpty()) {
            throw new IllegalArgumentException("the sign-in generator needs at least one user");
        }
        this.people = List.copyOf(people);
        this.start = start;
        this.end = end;
        this.seed = seed;
        this.failureRate = failureRate;
        this.riskLevel = riskLevel;
        this.conditionalAccessStatus = conditionalAccessStatus;
        int slots = (int) Math.max(1, (end.toEpochMilli() - start.toEpochMilli() + HOUR - 1) / HOUR);
        double[] weights = new double[slots];
        double sum = 0;
        for (int s = 0; s < slots; s++) {
            weights[s] = weight(slotStart(s));
            sum += weights[s];
        }
        this.cumulative = new double[slots + 1];
        for (int s = 0; s < slots; s++) {
            cumulative[s + 1] = cumulative[s] + weights[s] / sum * total;
        }
    }

    /** How many sign-ins the whole log holds. */
    public long total() {
        return Math.round(Math.floor(cumulative[cumulative.length - 1] + 1e-6));
    }

    @Override
    public Iterator<SignInRecord> newestFirst(Instant from, Instant to, SignInRecord after) {
        Instant upper = after != null && after.createdDateTime().isBefore(to) ? after.createdDateTime() : to;
        Instant lower = from.isAfter(start) ? from : start;
        if (upper.isAfter(end)) {
            upper = end;
        }
        if (upper.isBefore(lower)) {
            return Collections.emptyIterator();
        }
        int first = slotOf(upper);
        int last = slotOf(lower);
        Instant top = upper;
        Instant bottom = lower;
        return new Iterator<>() {
            int slot = first;
            Iterator<SignInRecord> current = Collections.emptyIterator();
            SignInRecord next = advance();

            private SignInRecord advance() {
                while (true) {
                    while (current.hasNext()) {
                        SignInRecord r = current.next();
                        if (r.createdDateTime().isAfter(top) || r.createdDateTime().isBefore(bottom)) {
                            continue;
                        }
                        if (after != null && SignInRecord.newestFirst(r, after) <= 0) {
                            continue;
                        }
                        return r;
                    }
                    if (slot < last) {
                        return null;
                    }
                    current = slot(slot--).iterator();
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public SignInRecord next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                SignInRecord out = next;
                next = advance();
                return out;
            }
        };
    }

    private int slotOf(Instant t) {
        long index = (t.toEpochMilli() - start.toEpochMilli()) / HOUR;
        return (int) Math.max(0, Math.min(cumulative.length - 2, index));
    }

    private Instant slotStart(int slot) {
        return start.plusMillis(slot * HOUR);
    }

    private static double weight(Instant at) {
        ZonedDateTime time = at.atZone(ZoneOffset.UTC);
        boolean weekend = time.getDayOfWeek() == DayOfWeek.SATURDAY || time.getDayOfWeek() == DayOfWeek.SUNDAY;
        return HOURLY[time.getHour()] * (weekend ? WEEKEND : 1);
    }

    /** One hour of sign-ins, newest first: the same seed and hour always give the same events. */
    List<SignInRecord> slot(int slot) {
        int count = (int) (Math.floor(cumulative[slot + 1] + 1e-6) - Math.floor(cumulative[slot] + 1e-6));
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + slot);
        long slotStart = slotStart(slot).toEpochMilli();
        long span = Math.max(1, Math.min(HOUR, end.toEpochMilli() - slotStart));
        boolean working = weight(slotStart(slot)) >= 1.0;
        List<SignInRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Person person = people.get(random.nextInt(people.size()));
            Instant at = Instant.ofEpochMilli(slotStart + random.nextLong(span));
            boolean failed = random.nextDouble() < failureRate;
            App app = APPS[random.nextInt(APPS.length)];
            String[] device = DEVICES[random.nextInt(DEVICES.length)];
            boolean office = working && random.nextInt(10) < 8;
            String client = device[0].equals("Ios") || device[0].equals("Android") || random.nextInt(3) == 0
                    ? "Mobile Apps and Desktop clients" : "Browser";
            String id = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                    (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
            boolean mfa = person.mfa() && !failed;
            out.add(new SignInRecord(id, at, person.id(), person.upn(), person.displayName(), app.id(), app.name(),
                    office ? person.officeIp() : person.homeIp(), person.home(), client,
                    failed ? 50126 : 0,
                    failed ? "Error validating credentials due to invalid username or password." : null,
                    failed ? "The user didn't enter the right credentials." : null,
                    mfa ? "multiFactorAuthentication" : "singleFactorAuthentication",
                    mfa ? "Mobile app notification" : null,
                    failed ? "notApplied" : conditionalAccessStatus, riskLevel, "none",
                    List.of(), device[0], device[1]));
        }
        out.sort(SignInRecord::newestFirst);
        return out;
    }
}
