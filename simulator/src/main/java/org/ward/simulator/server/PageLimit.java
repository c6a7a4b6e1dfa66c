package org.ward.simulator.server;

/**
 * How large a page a collection serves and what it does with a larger {@code $top}. Directory collections refuse
 * it: "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive." ({@code Request_UnsupportedQuery},
 * as Graph answers it to every client that asks for 1,000 users or groups; quoted in turbot/steampipe-plugin-azuread,
 * azuread/table_azuread_group.go). Services that document no refusal serve their largest page instead: the
 * sign-in log ignores a {@code $top} above 1,000 (Azure/azure-docs-powershell-azuread#409).
 *
 * @param max the largest page
 * @param refused whether a {@code $top} outside 1..max is refused rather than capped
 */
public record PageLimit(int max, boolean refused) {

    /** Entra directory collections (users, groups, members): 1 to 999, anything else refused. */
    public static PageLimit directory() {
        return new PageLimit(999, true);
    }

    /** A service that serves at most {@code max} entities a page whatever {@code $top} says. */
    public static PageLimit capped(int max) {
        return new PageLimit(max, false);
    }

    void check(Integer top) {
        if (refused && top != null && (top < 1 || top > max)) {
            throw GraphException.unsupportedQuery("Invalid page size specified: '" + top + "'. Must be between 1 and "
                    + max + " inclusive.");
        }
    }
}
