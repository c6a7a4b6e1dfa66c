package org.ward.connector.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

class ResourceUnitCostsTests {

    private final ResourceUnitCosts costs = new ResourceUnitCosts("graph.microsoft.com", "/v1.0");

    @ParameterizedTest(name = "{0} {1} costs {2}")
    @CsvSource(delimiter = '|', value = {
        "GET    | /drives/d1/root/delta                                  | 2",
        "GET    | /drives/d1/root/delta?token=MzslMjM0                   | 1",
        "GET    | /drives/d1/root/delta?$select=id&token=latest          | 1",
        "GET    | /drives/d1/items/i1                                    | 1",
        "GET    | /drives/d1/items/i1/content                            | 1",
        "GET    | /drives/d1/root/children                               | 2",
        "GET    | /sites/root/drives                                     | 2",
        "GET    | /sites/getAllSites?$top=100                            | 2",
        "GET    | /users/u1/drive                                        | 1",
        "GET    | /groups/g1/drive/root/children                         | 2",
        "GET    | /drives/d1/items/i1/permissions                        | 5",
        "GET    | /drives/d1/items/i1?$expand=permissions                | 5",
        "GET    | /drives/d1/root/delta?%24expand=permissions            | 5",
        "POST   | /drives/d1/items/i1/invite                             | 5",
        "POST   | /drives/d1/items/i1/extractSensitivityLabels           | 1",
        "PATCH  | /drives/d1/items/i1                                    | 2",
        "DELETE | /drives/d1/items/i1                                    | 2",
        "GET    | /users                                                 | 0",
        "GET    | /users/u1                                              | 0",
        "GET    | /groups/g1/members                                     | 0",
        "GET    | /auditLogs/signIns                                     | 0",
        "GET    | /identity/conditionalAccess/policies                   | 0"
    })
    void pricesRequestsAsMicrosoftPublishes(String method, String pathAndQuery, int units) {
        Request request = new Request.Builder().url("https://graph.microsoft.com/v1.0" + pathAndQuery)
                .method(method, method.equals("GET") || method.equals("DELETE") ? null : RequestBody.create(new byte[0]))
                .build();

        assertThat(costs.of(request).units()).isEqualTo(units);
    }

    @Test
    void aBatchCostsTheSumOfItsInnerRequests() {
        String body = """
                {"requests":[
                  {"id":"1","method":"GET","url":"/drives/d1/items/i1"},
                  {"id":"2","method":"GET","url":"/drives/d1/items/i1/permissions"},
                  {"id":"3","method":"GET","url":"/drives/d1/root/delta"},
                  {"id":"4","method":"GET","url":"/users/u1"}
                ]}""";

        ResourceUnitCosts.Cost cost = costs.of(batch(body));

        assertThat(cost.units()).isEqualTo(1 + 5 + 2 + 0);
        assertThat(cost.repeatable()).isTrue();
    }

    @Test
    void aBatchOfLabelReadsIsRepeatable() {
        String body = "{\"requests\":[{\"id\":\"1\",\"method\":\"POST\",\"url\":\"/drives/d1/items/i1/extractSensitivityLabels\","
                + "\"body\":{},\"headers\":{\"Content-Type\":\"application/json\"}}]}";

        assertThat(costs.of(batch(body))).isEqualTo(new ResourceUnitCosts.Cost(1, true));
    }

    @Test
    void aBatchWithAWriteIsNotRepeatable() {
        String body = "{\"requests\":[{\"id\":\"1\",\"method\":\"DELETE\",\"url\":\"/drives/d1/items/i1\"}]}";

        assertThat(costs.of(batch(body))).isEqualTo(new ResourceUnitCosts.Cost(2, false));
    }

    @Test
    void requestsToOtherHostsSpendNoBudget() {
        Request download = new Request.Builder().url("https://contoso.sharepoint.com/sites/x/_layouts/15/download.aspx")
                .build();

        assertThat(costs.of(download).units()).isZero();
    }

    private static Request batch(String body) {
        return new Request.Builder().url("https://graph.microsoft.com/v1.0/$batch")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    }
}
