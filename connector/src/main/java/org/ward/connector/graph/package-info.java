/**
 * The one way Ward talks to Microsoft Graph: settings and cloud presets, credentials, TLS trust, the SDK
 * client with a single resilience layer (retry honouring {@code Retry-After}, tenant-wide pause, concurrency
 * cap, resource-unit budget, circuit breaker), {@code $batch} with inner retries, traffic metrics and error
 * translation into sentences a tenant admin can act on.
 */
package org.ward.connector.graph;
