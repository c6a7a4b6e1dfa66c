package org.ward.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a filter reads: its clauses for the directory's index, its property paths against Graph's model. */
class ODataFilterTests {

    @Test
    void namesEachClauseByTheEntityPropertyItReads() {
        ODataFilter filter = ODataFilter.parse("userType eq 'Guest' and not(accountEnabled eq true)"
                + " or startswith(displayName,'A') eq true or identities/any(c:c/issuer eq 'x')");

        assertThat(filter.clauses()).containsExactly(new ODataFilter.Clause("userType", "eq", false),
                new ODataFilter.Clause("accountEnabled", "eq", true), new ODataFilter.Clause("displayName", "startsWith", false),
                new ODataFilter.Clause("identities", "eq", false));
    }

    @Test
    void resolvesPathsThroughComplexTypesAndLambdaVariables() {
        GraphModel model = GraphModel.v1();

        ODataFilter.parse("status/errorCode ne 0 and location/city eq 'Leeds'").checkProperties(model, model.type("signIn"));
        ODataFilter.parse("identities/any(c:c/issuer eq 'x')").checkProperties(model, model.type("user"));
        assertThatThrownBy(() -> ODataFilter.parse("identities/any(c:c/tenant eq 'x')").checkProperties(model, model.type("user")))
                .hasMessage("Invalid filter clause: Could not find a property named 'tenant' on type 'microsoft.graph.objectIdentity'.");
        assertThatThrownBy(() -> ODataFilter.parse("displayName/length eq 3").checkProperties(model, model.type("user")))
                .hasMessage("Invalid filter clause: Could not find a property named 'length' on type 'Edm.String'.");
    }

    @Test
    void refusesALambdaOverSomethingThatIsNotACollection() {
        GraphModel model = GraphModel.v1();

        assertThatThrownBy(() -> ODataFilter.parse("displayName/any(d:d eq 'x')").checkProperties(model, model.type("user")))
                .isInstanceOf(GraphException.class);
    }
}
