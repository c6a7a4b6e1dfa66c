package org.ward.connector.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ward.connector.graph.GraphSettings;

/** Independent Graph calls of one task run side by side, and a call made from a Graph thread never waits for another. */
class ParallelCallsTests {

    private final ParallelCalls parallel = new ParallelCalls(new GraphSettings("global", null, null, null,
            "contoso.onmicrosoft.com", "client", "client-secret", "secret", null, null, null, null, null, null, null));

    @AfterEach
    void stop() {
        parallel.destroy();
    }

    @Test
    void alongsideRunsBothCallsAtOnce() {
        CountDownLatch here = new CountDownLatch(1);
        CountDownLatch elsewhere = new CountDownLatch(1);

        // Each call waits for the other to have started: run one after the other, the first would give up.
        parallel.alongside(() -> meet(elsewhere, here), () -> meet(here, elsewhere));

        assertThat(here.getCount()).isZero();
        assertThat(elsewhere.getCount()).isZero();
    }

    @Test
    void alongsideCalledFromAGraphThreadRunsBothInTurnThere() {
        Map<Integer, List<String>> threads = new ConcurrentHashMap<>();

        parallel.forEach(List.of(1, 2), n -> {
            List<String> names = new CopyOnWriteArrayList<>();
            parallel.alongside(() -> names.add(Thread.currentThread().getName()),
                    () -> names.add(Thread.currentThread().getName()));
            names.add(Thread.currentThread().getName());
            threads.put(n, names);
        });

        assertThat(threads.values()).hasSize(2).allSatisfy(names -> assertThat(names).hasSize(3)
                .containsOnly("ward-graph-call"));
    }

    @Test
    void aSingleCallRunsOnTheCaller() {
        List<String> threads = new CopyOnWriteArrayList<>();

        parallel.forEach(List.of(1), n -> threads.add(Thread.currentThread().getName()));

        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void alongsideWaitsForTheOtherCallThenRethrowsTheCallersFailureFirst() {
        CountDownLatch finished = new CountDownLatch(1);

        assertThatThrownBy(() -> parallel.alongside(() -> {
            finished.countDown();
            throw new IllegalStateException("elsewhere failed");
        }, () -> {
            throw new IllegalArgumentException("here failed");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("here failed");
        assertThat(finished.getCount()).isZero();
        assertThatThrownBy(() -> parallel.alongside(() -> {
            throw new IllegalStateException("elsewhere failed");
        }, () -> {
        })).isInstanceOf(IllegalStateException.class).hasMessage("elsewhere failed");
    }

    private static void meet(CountDownLatch mine, CountDownLatch theirs) {
        mine.countDown();
        try {
            if (!theirs.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other call never started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCallAheadRunsWhileTheCallerWorksAndItsFailureComesAsThrown() {
        CountDownLatch callerWorking = new CountDownLatch(1);

        // The call waits for the caller to be at work: made in turn, it would give up.
        var page = parallel.ahead(() -> {
            await(callerWorking);
            return "next page";
        });
        callerWorking.countDown();

        assertThat(ParallelCalls.answer(page)).isEqualTo("next page");
        var failed = parallel.ahead(() -> {
            throw new IllegalStateException("410 resyncRequired");
        });
        assertThatThrownBy(() -> ParallelCalls.answer(failed)).isInstanceOf(IllegalStateException.class)
                .hasMessage("410 resyncRequired");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the caller never started working");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
