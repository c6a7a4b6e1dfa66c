package org.ward.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.simulator.server.GraphModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fidelity walker finds what Graph would never send, and lets through what it does. */
class ModelWalkerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<String> walk(String type, String json) {
        List<String> violations = new ArrayList<>();
        new ModelWalker(GraphModel.v1()).entity(JSON.readTree(json), type, "$", violations);
        return violations;
    }

    @Test
    void flagsAFieldTheTypeDoesNotHave() {
        assertThat(walk("user", "{\"id\":\"x\",\"shoeSize\":9}"))
                .containsExactly("$.shoeSize: not a property of microsoft.graph.user");
    }

    @Test
    void flagsAWronglyCasedField() {
        assertThat(walk("user", "{\"DisplayName\":\"Ada\"}"))
                .containsExactly("$.DisplayName: wrongly cased property of microsoft.graph.user");
    }

    @Test
    void flagsAnEnumValueThatIsNotAMember() {
        assertThat(walk("signIn", "{\"riskState\":\"hidden\",\"riskLevelAggregated\":\"hidden\"}")).containsExactly(
                "$.riskState: 'hidden' is not a member of microsoft.graph.riskState [none, confirmedSafe, remediated,"
                        + " dismissed, atRisk, confirmedCompromised, unknownFutureValue]");
    }

    @Test
    void flagsAValueOfTheWrongKind() {
        assertThat(walk("driveItem", "{\"size\":\"12\",\"createdDateTime\":\"yesterday\"}")).containsExactly(
                "$.size: expected an integer, got \"12\"", "$.createdDateTime: 'yesterday' is not an ISO 8601 timestamp");
    }

    @Test
    void walksNestedComplexTypesAndCollections() {
        assertThat(walk("permission", "{\"grantedToV2\":{\"siteUser\":{\"loginName\":\"i:0#\",\"shoe\":1}},"
                + "\"roles\":[\"read\"],\"link\":{\"scope\":\"anonymous\",\"colour\":\"red\"}}"))
                .containsExactly("$.grantedToV2.siteUser.shoe: not a property of microsoft.graph.sharePointIdentity",
                        "$.link.colour: not a property of microsoft.graph.sharingLink");
    }

    @Test
    void followsADerivedTypeNamedByOdataType() {
        assertThat(walk("directoryObject", "{\"@odata.type\":\"#microsoft.graph.user\",\"userPrincipalName\":\"a@b\"}"))
                .isEmpty();
        assertThat(walk("directoryObject", "{\"userPrincipalName\":\"a@b\"}"))
                .containsExactly("$.userPrincipalName: not a property of microsoft.graph.directoryObject");
    }

    @Test
    void allowsTheFieldsRealGraphSendsBeyondTheModel() {
        assertThat(walk("driveItem", "{\"createdBy\":{\"user\":{\"id\":\"1\",\"email\":\"a@b\"}}}")).isEmpty();
    }

    @Test
    void letsAListItemsFieldsBeItsColumns() {
        assertThat(walk("listItem", "{\"fields\":{\"ConsentRecorded\":\"Yes\",\"FileLeafRef\":\"a.mp4\"}}")).isEmpty();
    }

    @Test
    void flagsAnAnnotationGraphDoesNotSend() {
        JsonNode body = JSON.readTree("{\"@odata.context\":\"x\",\"value\":[],\"@simulator.debug\":1}");
        List<String> violations = new ArrayList<>();
        new ModelWalker(GraphModel.v1()).collection(body, "user", "$", violations);

        assertThat(violations).containsExactly("$.@simulator.debug: not part of a collection answer");
    }
}
