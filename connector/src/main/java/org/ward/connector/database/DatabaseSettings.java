package org.ward.connector.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ward.database.*}: how Ward signs in to PostgreSQL beyond Spring's {@code spring.datasource.*}.
 *
 * @param entraAuthentication sign in with a Microsoft Entra access token of Ward's Azure identity
 *     ({@code ward.azure.*}) as the password, fetched for each new connection (Azure Database for PostgreSQL's Entra
 *     authentication); {@code spring.datasource.username} is then the Entra principal's role name and
 *     {@code spring.datasource.password} is not used
 * @param entraScope the token's scope; by default Azure Database for PostgreSQL's in the cloud of
 *     {@code ward.graph.cloud} ({@code https://ossrdbms-aad.database.windows.net/.default} in the global cloud)
 */
@ConfigurationProperties("ward.database")
public record DatabaseSettings(boolean entraAuthentication, String entraScope) {

    /** The token scope for the Graph cloud preset ({@code global}, {@code usgov}, {@code dod}, {@code china}). */
    public String scope(String graphCloud) {
        if (entraScope != null && !entraScope.isBlank()) {
            return entraScope.trim();
        }
        String cloud = graphCloud == null ? "global" : graphCloud.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (cloud) {
            case "usgov", "dod" -> "https://ossrdbms-aad.database.usgovcloudapi.net/.default";
            case "china" -> "https://ossrdbms-aad.database.chinacloudapi.cn/.default";
            default -> "https://ossrdbms-aad.database.windows.net/.default";
        };
    }
}
