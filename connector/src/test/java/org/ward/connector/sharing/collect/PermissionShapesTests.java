package org.ward.connector.sharing.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.connector.graph.BatchOutcome;
import org.ward.rules.sharing.AccessGrant;

/**
 * Ward reads every documented shape of a permission (issue 11 §4): grants that carry only the legacy {@code grantedTo}
 * and links that name their recipients only in the legacy {@code grantedToIdentities}, as OneDrive still answers
 * (bodies from Microsoft's permission resource page, "grantedTo … deprecated; use grantedToV2"), and an answer with a
 * value that cannot be read is refused as a whole rather than read as "no grants".
 */
class PermissionShapesTests {

    private static final List<String> DOMAINS = List.of("contoso.com");

    @Test
    void aGrantWithOnlyTheLegacyGrantedToIsAUserGrantNotAnApplication() {
        List<AccessGrant> grants = PermissionReader.grants(answer("""
                {"value": [{"id": "1", "roles": ["write"],
                  "grantedTo": {"user": {"id": "5D33DD65C6932946", "displayName": "Robin Danielsen",
                                         "email": "robin@contoso.com"}}}]}
                """), DOMAINS);

        assertThat(grants).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(AccessGrant.Kind.USER);
            assertThat(g.principalId()).isEqualTo("5D33DD65C6932946");
            assertThat(g.principalName()).isEqualTo("Robin Danielsen");
            assertThat(g.principalEmail()).isEqualTo("robin@contoso.com");
            assertThat(g.roles()).containsExactly("write");
        });
    }

    @Test
    void aLinkNamingItsRecipientsOnlyInTheLegacyListKeepsThem() {
        List<AccessGrant> grants = PermissionReader.grants(answer("""
                {"value": [{"id": "3", "roles": ["read"],
                  "link": {"type": "view", "scope": "users", "webUrl": "https://1drv.ms/v/s!AAAA"},
                  "grantedToIdentities": [{"user": {"id": "35fb", "displayName": "John Adams",
                                                    "email": "john@fabrikam.example"}}]}]}
                """), DOMAINS);

        assertThat(grants).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(AccessGrant.Kind.LINK);
            assertThat(g.recipients()).containsExactly("john@fabrikam.example");
            assertThat(g.guest()).isTrue();
        });
    }

    @Test
    void theCurrentShapeWinsWhenBothAreGiven() {
        List<AccessGrant> grants = PermissionReader.grants(answer("""
                {"value": [{"id": "1", "roles": ["read"],
                  "grantedTo": {"user": {"id": "old", "displayName": "Old Name"}},
                  "grantedToV2": {"user": {"id": "new", "displayName": "New Name", "email": "new@contoso.com"}}}]}
                """), DOMAINS);

        assertThat(grants).singleElement().extracting(AccessGrant::principalId).isEqualTo("new");
    }

    @Test
    void anAnswerWithAValueThatCannotBeReadIsRefusedRatherThanReadAsNoGrants() {
        assertThatThrownBy(() -> PermissionReader.grants(answer("""
                {"value": [{"id": "9", "roles": ["read"], "expirationDateTime": "next Tuesday",
                  "link": {"type": "view", "scope": "anonymous"}}]}
                """), DOMAINS)).isInstanceOf(RuntimeException.class);
    }

    private static BatchOutcome answer(String body) {
        return new BatchOutcome("1", "GET /drives/d/items/i/permissions", 200, Map.of("Content-Type", "application/json"),
                body);
    }
}
