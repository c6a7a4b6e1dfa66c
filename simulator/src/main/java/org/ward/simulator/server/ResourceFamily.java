package org.ward.simulator.server;

/** A Graph resource family (users, groups, sites, drives, ...): it adds its routes and path rewrites. */
public interface ResourceFamily {
    void register(Routes routes);
}
