package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.identity.SignIns.MANCHESTER;
import static org.ward.rules.identity.SignIns.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;

class PasswordSprayDetectorTests {

    static final Instant START = NOW.minus(Duration.ofDays(1));

    static List<FindingDraft> spray(List<SignInEvent> events) {
        return SignIns.findings(IdentityCatalogue.PASSWORD_SPRAY, events);
    }

    /** One failure per account from one address, {@code every} apart. */
    static List<SignInEvent> failures(String address, int accounts, Duration every, int code) {
        List<SignInEvent> out = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            out.add(SignIns.of("user" + i).at(START.plus(every.multipliedBy(i))).from(SignIns.LAGOS, address).failed(code)
                    .event());
        }
        return out;
    }

    @Test
    void flagsOneAddressFailingAgainstSixAccountsInTenMinutes() {
        List<FindingDraft> found = spray(failures("198.51.100.20", 6, Duration.ofMinutes(2), 50126));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).title()).startsWith("198.51.100.20 (Lagos, NG) failed to sign in to 6 accounts");
        assertThat(found.get(0).resource().path()).isEqualTo("198.51.100.20");
        assertThat(found.get(0).details().get("signInCount")).isEqualTo(6);
    }

    @Test
    void ignoresFourAccountsWhichIsBelowTheThreshold() {
        assertThat(spray(failures("198.51.100.20", 4, Duration.ofMinutes(2), 50126))).isEmpty();
    }

    @Test
    void ignoresFailuresSpreadFurtherApartThanTheWindow() {
        assertThat(spray(failures("198.51.100.20", 6, Duration.ofMinutes(25), 50126))).isEmpty();
    }

    @Test
    void ignoresErrorCodesThatAreNotPasswordFailures() {
        assertThat(spray(failures("198.51.100.20", 6, Duration.ofMinutes(2), 50074))).isEmpty();
    }

    @Test
    void ignoresABusyOfficeAddressWhereMoreAccountsSucceedThanFail() {
        List<SignInEvent> events = new ArrayList<>(failures("194.80.10.20", 5, Duration.ofMinutes(3), 50126));
        for (int i = 0; i < 12; i++) {
            events.add(SignIns.of("colleague" + i).at(START.plus(Duration.ofMinutes(i))).from(MANCHESTER, "194.80.10.20")
                    .event());
        }

        assertThat(spray(events)).isEmpty();
    }
}
