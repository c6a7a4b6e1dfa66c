package org.ward.simulator.server;

/**
 * A route's own rule about its query options, run after the generic checks against Graph's model (unknown
 * properties in {@code $select}, {@code $expand} and {@code $filter}, {@code $top} above the limit): for
 * example the directory's table of filterable properties, or an expansion an operation does not support. It
 * throws the {@link GraphException} Graph answers with, or returns.
 */
@FunctionalInterface
public interface QueryCheck {
    void check(GraphCall call);
}
