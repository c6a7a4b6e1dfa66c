package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.ward.rules.classify.RetentionVerdict.Status;
import org.ward.rules.policy.TestPolicies;

class RetentionClockTests {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final RetentionClock clock = new RetentionClock(TestPolicies.nhsEngland().retention());

    @Test
    void cctvOlderThanThreeMonthsIsPastRetention() {
        RetentionVerdict verdict = clock.assess("cctv", Instant.parse("2026-01-01T08:00:00Z"), NOW);

        assertThat(verdict.status()).isEqualTo(Status.PAST);
        assertThat(verdict.expiresAt()).isEqualTo(Instant.parse("2026-04-01T08:00:00Z"));
        assertThat(verdict.overdueBy()).isEqualTo(Period.of(0, 7, 22));
        assertThat(verdict.overdueDays()).isEqualTo(236);
        assertThat(verdict.reason()).isEqualTo(
                "created 2026-01-01, maximum age P3M for cctv: expired 2026-04-01, 7 months 22 days (236 days) ago");
    }

    @Test
    void consultationRecordingEightYearsOldIsPastRetention() {
        RetentionVerdict verdict = clock.assess("consultation-video", Instant.parse("2016-01-05T09:30:00Z"), NOW);

        assertThat(verdict.status()).isEqualTo(Status.PAST);
        assertThat(verdict.overdueBy()).isEqualTo(Period.of(2, 10, 18));
    }

    @Test
    void eventBasedPeriodGivesAReviewDateAndNamesTheEvent() {
        RetentionVerdict verdict = clock.assess("student-assessment", Instant.parse("2024-06-11T10:00:00Z"), NOW);

        assertThat(verdict.status()).isEqualTo(Status.PAST);
        assertThat(verdict.event()).isEqualTo("Assessment and any appeal concluded");
        assertThat(verdict.trigger()).isEqualTo("event: Assessment and any appeal concluded");
        assertThat(verdict.expiresAt()).isEqualTo(Instant.parse("2025-06-11T10:00:00Z"));
        assertThat(verdict.reason()).isEqualTo("created 2024-06-11; the retention period of student-assessment starts at"
                + " the event \"Assessment and any appeal concluded\", which Graph does not show, and runs at most P1Y from"
                + " creation: review date 2025-06-11, 1 year 5 months 12 days (530 days) ago");
    }

    @Test
    void periodFromCreationHasTheCreatedTrigger() {
        assertThat(clock.assess("cctv", Instant.parse("2026-01-01T08:00:00Z"), NOW).trigger()).isEqualTo("created");
    }

    @Test
    void callRecordingSixYearsOldIsWithinRetention() {
        RetentionVerdict verdict = clock.assess("call-recording", Instant.parse("2020-11-23T12:00:00Z"), NOW);

        assertThat(verdict.status()).isEqualTo(Status.WITHIN);
        assertThat(verdict.reason()).isEqualTo("created 2020-11-23, maximum age P7Y for call-recording: expires 2027-11-23");
    }

    @Test
    void recordingExactlyAtItsMaximumAgeIsStillWithin() {
        RetentionVerdict verdict = clock.assess("cctv", Instant.parse("2026-08-23T12:00:00Z"), NOW);

        assertThat(verdict.status()).isEqualTo(Status.WITHIN);
    }

    @Test
    void oneDayOverIsPastByOneDay() {
        RetentionVerdict verdict = clock.assess("cctv", Instant.parse("2026-08-22T12:00:00Z"), NOW);

        assertThat(verdict.reason()).endsWith("expired 2026-11-22, 1 day ago");
    }

    @Test
    void notEvaluatedWithoutACreatedDate() {
        RetentionVerdict verdict = clock.assess("cctv", null, NOW);

        assertThat(verdict.status()).isEqualTo(Status.NOT_EVALUATED);
        assertThat(verdict.reason()).isEqualTo("not evaluated: the item has no createdDateTime");
    }

    @Test
    void notEvaluatedForAKindWithoutAMaximumAge() {
        RetentionVerdict verdict = clock.assess("dictaphone-memo", Instant.parse("2010-01-01T00:00:00Z"), NOW);

        assertThat(verdict.reason()).isEqualTo("not evaluated: the pack sets no maximum age for dictaphone-memo");
    }
}
