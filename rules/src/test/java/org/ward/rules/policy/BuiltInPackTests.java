package org.ward.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;

import org.junit.jupiter.api.Test;
import org.ward.rules.Catalogues;

class BuiltInPackTests {

    @Test
    void nhsEnglandPackLoadsAndValidates() {
        PolicyPack pack = TestPolicies.nhsEngland();

        assertThat(pack.id()).isEqualTo("nhs-england");
        assertThat(pack.sources()).containsExactly("../policies/nhs-england.yaml");
        assertThat(pack.recordings().kindIds()).containsExactly("consultation-video", "consultation-audio",
                "research-interview", "student-assessment", "clinical-photo", "teams-meeting-recording",
                "call-recording", "cctv");
        assertThat(pack.rules()).hasSize(Catalogues.all().size());
    }

    @Test
    void nhsEnglandPackKeepsCallRecordingsSevenYearsAndCctvThreeMonths() {
        PolicyPack pack = TestPolicies.nhsEngland();

        assertThat(pack.retention().forKind("call-recording").orElseThrow().maximumAge()).isEqualTo(Period.ofYears(7));
        assertThat(pack.retention().forKind("cctv").orElseThrow().maximumAge()).isEqualTo(Period.ofMonths(3));
        assertThat(pack.retention().forKind("consultation-video").orElseThrow().maximumAge()).isEqualTo(Period.ofYears(8));
    }
}
