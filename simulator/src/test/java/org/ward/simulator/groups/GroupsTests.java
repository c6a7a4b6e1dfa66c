package org.ward.simulator.groups;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupsTests {

    @Test
    void derivesTheSecurityIdentifierFromTheObjectIdAsEntraDoes() {
        // The pair Microsoft shows in group-get.json.
        assertThat(Groups.securityIdentifier("02bd9fd6-8f93-4758-87c3-1fb73740a315"))
                .isEqualTo("S-1-12-1-45981654-1196986259-3072312199-363020343");
    }
}
