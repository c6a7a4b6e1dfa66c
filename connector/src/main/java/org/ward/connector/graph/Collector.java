package org.ward.connector.graph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a collector: one of the few classes outside this package allowed to call Graph through the SDK. Collectors
 * turn SDK models into Ward's own records and hold no business rules; ArchitectureTests keeps everyone else off the
 * SDK.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Collector {
}
