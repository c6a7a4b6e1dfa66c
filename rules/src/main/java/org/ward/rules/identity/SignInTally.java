package org.ward.rules.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Sign-ins of one kind by one user, counted, with the newest kept as evidence. */
final class SignInTally {

    final SignInEvent first;
    int successes;
    int failures;
    Instant newest;
    final List<Evidence> evidence = new ArrayList<>();

    SignInTally(SignInEvent first) {
        this.first = first;
    }

    void add(SignInEvent e) {
        if (e.success()) {
            successes++;
        } else {
            failures++;
        }
        newest = newest == null || e.time().isAfter(newest) ? e.time() : newest;
        if (evidence.size() < Anomaly.EVIDENCE) {
            evidence.add(Evidence.of(e));
        }
    }

    int count() {
        return successes + failures;
    }
}
