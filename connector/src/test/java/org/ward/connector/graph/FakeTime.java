package org.ward.connector.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** A virtual clock and a sleeper that records each wait and moves the clock on instead of sleeping. */
final class FakeTime extends Clock implements Sleeper {

    record Sleep(String thread, Duration duration) {
    }

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T09:00:00Z"));
    private final List<Sleep> sleeps = new CopyOnWriteArrayList<>();
    private volatile Consumer<Sleep> beforeAdvance = sleep -> { };

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Sleep sleep = new Sleep(Thread.currentThread().getName(), duration);
        sleeps.add(sleep);
        beforeAdvance.accept(sleep);
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** Lets a test hold a sleeping thread (e.g. on a latch) before the clock moves. */
    void beforeAdvance(Consumer<Sleep> hook) {
        this.beforeAdvance = hook;
    }

    List<Duration> sleeps() {
        return sleeps.stream().map(Sleep::duration).toList();
    }

    List<Duration> sleepsOf(String thread) {
        return sleeps.stream().filter(sleep -> sleep.thread().equals(thread)).map(Sleep::duration).toList();
    }

    void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
