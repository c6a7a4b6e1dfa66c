package org.ward.simulator.requestlog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The requests the simulator answered, oldest first, for tests and benchmarks to read. Keeps the most recent
 * {@code capacity} entries so a long benchmark cannot exhaust memory; counters cover every request ever logged.
 */
public final class RequestLog {

    private final int capacity;
    private final Deque<RequestLogEntry> entries = new ArrayDeque<>();
    private long total;
    private long throttled;
    private long resourceUnits;
    private long compressed;

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(RequestLogEntry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
        total++;
        resourceUnits += entry.resourceUnits();
        if (entry.throttled()) {
            throttled++;
        }
    }

    /** Counts an answer sent with {@code Content-Encoding: gzip}. */
    public synchronized void compressed() {
        compressed++;
    }

    /** Answers sent gzip-compressed, because the client accepted gzip and the body was worth compressing. */
    public synchronized long compressedAnswers() {
        return compressed;
    }

    public synchronized List<RequestLogEntry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized List<RequestLogEntry> matching(Predicate<RequestLogEntry> filter) {
        return entries.stream().filter(filter).toList();
    }

    public synchronized long count(Predicate<RequestLogEntry> filter) {
        return entries.stream().filter(filter).count();
    }

    public synchronized long total() {
        return total;
    }

    public synchronized long throttled() {
        return throttled;
    }

    public synchronized long resourceUnits() {
        return resourceUnits;
    }

    public synchronized void clear() {
        entries.clear();
        total = 0;
        throttled = 0;
        resourceUnits = 0;
        compressed = 0;
    }
}
