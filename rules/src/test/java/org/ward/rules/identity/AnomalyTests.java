package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Anomalies found across runs merge into one: evidence united, per-event counts added, re-read windows not. */
class AnomalyTests {

    static Evidence evidence(String id, String time) {
        return new Evidence(id, Instant.parse(time), "81.2.69.160", "Norwich, GB", "Office 365 Exchange Online", "IMAP4",
                "success", null);
    }

    static Anomaly legacy(int count, List<Evidence> evidence) {
        return new Anomaly(IdentityCatalogue.LEGACY_AUTH_SIGN_IN, "user:id-erin", "erin@clinic.nhs.uk", "Erin", "imap4",
                evidence.get(0).time(), count, true, Map.of("client", "IMAP4"), evidence);
    }

    @Test
    void addsTheCountsOfPerEventAnomaliesFoundInTwoRuns() {
        Anomaly first = legacy(3, List.of(evidence("a", "2026-11-10T10:00:00Z")));
        Anomaly second = legacy(2, List.of(evidence("b", "2026-11-12T10:00:00Z")));

        Anomaly merged = first.merge(second);

        assertThat(merged.count()).isEqualTo(5);
        assertThat(merged.occurredAt()).isEqualTo(Instant.parse("2026-11-12T10:00:00Z"));
        assertThat(merged.evidence()).extracting(Evidence::id).containsExactly("b", "a");
    }

    @Test
    void keepsTheLargerCountOfAWindowReadAgain() {
        Anomaly spray = new Anomaly(IdentityCatalogue.PASSWORD_SPRAY, "ip:198.51.100.20", "198.51.100.20", null, "2026-11-14",
                Instant.parse("2026-11-14T10:05:00Z"), 6, false, Map.of(), List.of(evidence("a", "2026-11-14T10:05:00Z")));

        assertThat(spray.merge(spray).count()).isEqualTo(6);
        assertThat(spray.merge(spray).evidence()).hasSize(1);
    }

    @Test
    void keepsTheTwentyNewestSignInsAsEvidence() {
        List<Evidence> many = IntStream.range(0, 30).mapToObj(i -> evidence("e" + i,
                Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * i).toString())).toList();

        Anomaly anomaly = legacy(30, many);

        assertThat(anomaly.evidence()).hasSize(Anomaly.EVIDENCE).first().extracting(Evidence::id).isEqualTo("e29");
    }
}
