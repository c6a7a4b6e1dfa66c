package org.ward.simulator.server;

/** Answers one routed Graph request. */
@FunctionalInterface
public interface RouteHandler {
    GraphResponse handle(GraphCall call);
}
