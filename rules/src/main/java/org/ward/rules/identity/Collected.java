package org.ward.rules.identity;

import java.util.function.Function;

/**
 * What a collector got: the data, or why it could not get it.
 *
 * @param value the data, null when not collected
 * @param notRun why not, null when collected
 */
public record Collected<T>(T value, NotRun notRun) {

    public static <T> Collected<T> of(T value) {
        return new Collected<>(value, null);
    }

    public static <T> Collected<T> missing(NotRun why) {
        return new Collected<>(null, why);
    }

    public boolean available() {
        return notRun == null;
    }

    public <R> Collected<R> map(Function<T, R> f) {
        return available() ? of(f.apply(value)) : missing(notRun);
    }
}
