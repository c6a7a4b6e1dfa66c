package org.ward.rules.identity;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Bursts of bad sign-ins on one account, for brute force and MFA fatigue: a sliding window of the account's bad
 * sign-ins, each remembering the first successful sign-in after it, so "followed by a success" can be told although
 * the stream runs newest first.
 */
final class AccountBursts {

    /** A bad sign-in and the account's first success after it (null if none yet). */
    private record Bad(SignInEvent event, SignInEvent successAfter) {
    }

    private static final class Account {
        final ArrayDeque<Bad> window = new ArrayDeque<>();
        SignInEvent nextSuccess;
        Burst burst;
    }

    private final Predicate<SignInEvent> bad;
    private final int atLeast;
    private final Duration window;
    private final Map<String, Account> accounts = new HashMap<>();
    private final List<Burst> ended = new ArrayList<>();

    /**
     * @param bad which sign-ins count
     * @param atLeast how many within the window make a burst
     * @param window the window
     */
    AccountBursts(Predicate<SignInEvent> bad, int atLeast, Duration window) {
        this.bad = bad;
        this.atLeast = atLeast;
        this.window = window;
    }

    void accept(SignInEvent e) {
        boolean isBad = bad.test(e);
        if (!isBad && !e.success()) {
            return;
        }
        Account account = accounts.computeIfAbsent(e.userKey(), k -> new Account());
        if (account.burst != null && account.burst.endedBy(e.time(), window)) {
            ended.add(account.burst);
            account.burst = null;
        }
        if (!isBad) {
            account.nextSuccess = e;
            return;
        }
        while (!account.window.isEmpty()
                && Duration.between(e.time(), account.window.peekFirst().event().time()).compareTo(window) > 0) {
            account.window.pollFirst();
        }
        account.window.addLast(new Bad(e, account.nextSuccess));
        if (account.window.size() >= atLeast) {
            if (account.burst == null) {
                account.burst = new Burst();
            }
            Bad newest = account.window.peekFirst();
            for (Bad b : account.window) {
                account.burst.add(b.event());
            }
            if (newest.successAfter() != null
                    && Duration.between(newest.event().time(), newest.successAfter().time()).compareTo(window) <= 0) {
                account.burst.followedBy(newest.successAfter());
            }
        }
    }

    /** Every burst, once the stream has ended. */
    List<Burst> finish() {
        accounts.values().forEach(a -> {
            if (a.burst != null) {
                ended.add(a.burst);
            }
        });
        accounts.clear();
        return List.copyOf(ended);
    }
}
