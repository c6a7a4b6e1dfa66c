package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ward.simulator.requestlog.RequestLog;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.tenant.Drive;

/** The request log: what each request was, what it answered and cost, including the inner requests of a batch. */
class RequestLogTests {

    static Simulator simulator;
    static GraphHttp graph;
    static String readerId;
    static String driveId;
    static String file;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start();
        graph = SmallClinic.reader(simulator);
        readerId = SmallClinic.clientId(simulator, SmallClinic.READER);
        Drive drive = SmallClinic.oneDrive(simulator, SmallClinic.ADA);
        driveId = drive.id;
        file = "/drives/" + drive.id + "/items/" + SmallClinic.item(simulator, drive,
                "Clinic huddle-20261101_090000-Meeting Recording.mp4").id;
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void emptyLog() {
        simulator.requestLog().clear();
    }

    @Test
    void recordsMethodPathQueryStatusAndResourceUnitsOfEachRequest() {
        graph.get("/users?$top=1");
        graph.get(file);
        graph.get("/drives/" + driveId + "/items/01NOSUCHITEM");
        graph.post(file + "/createLink", "{\"type\":\"view\",\"scope\":\"organization\"}");

        assertThat(simulator.requestLog().entries())
                .extracting(RequestLogEntry::method, RequestLogEntry::path, RequestLogEntry::query, RequestLogEntry::status,
                        RequestLogEntry::resourceUnits, RequestLogEntry::bucket)
                .containsExactly(
                        tuple("GET", "/users", "$top=1", 200, 2, "directory"),
                        tuple("GET", file, "", 200, 1, "sharepoint"),
                        tuple("GET", "/drives/" + driveId + "/items/01NOSUCHITEM", "", 404, 1, "sharepoint"),
                        tuple("POST", file + "/createLink", "", 403, 0, "none"));
    }

    @Test
    void recordsTheCallingApplicationAndNoneForAnAnonymousCall() {
        graph.get("/users");
        GraphHttp.anonymous(simulator).get("/users");

        assertThat(simulator.requestLog().entries()).extracting(RequestLogEntry::appId, RequestLogEntry::status)
                .containsExactly(tuple(readerId, 200), tuple(null, 401));
    }

    @Test
    void recordsEachInnerRequestOfABatchAndTheBatchItself() {
        graph.post("/$batch", "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users\"},"
                + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"" + file + "/permissions\"},"
                + "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"/groups/nope\"}]}");

        assertThat(simulator.requestLog().entries())
                .extracting(RequestLogEntry::method, RequestLogEntry::path, RequestLogEntry::status,
                        RequestLogEntry::resourceUnits, RequestLogEntry::inBatch)
                .containsExactly(
                        tuple("GET", "/users", 200, 2, true),
                        tuple("GET", file + "/permissions", 200, 5, true),
                        tuple("GET", "/groups/nope", 404, 1, true),
                        tuple("POST", "/$batch", 200, 0, false));
    }

    @Test
    void countsRequestsThrottledRequestsAndUnits() {
        graph.get("/users");
        graph.get(file);

        assertThat(simulator.requestLog().total()).isEqualTo(2);
        assertThat(simulator.requestLog().resourceUnits()).isEqualTo(3);
        assertThat(simulator.requestLog().throttled()).isZero();
    }

    @Test
    void keepsTheMostRecentEntriesButCountsEveryOne() {
        RequestLog log = new RequestLog(3);

        IntStream.rangeClosed(1, 5).forEach(i -> log.add(new RequestLogEntry(Instant.EPOCH, "app", "GET", "/" + i, "",
                i == 5 ? 429 : 200, 1, "sharepoint", false, "none")));

        assertThat(log.entries()).extracting(RequestLogEntry::path).containsExactly("/3", "/4", "/5");
        assertThat(log.total()).isEqualTo(5);
        assertThat(log.resourceUnits()).isEqualTo(5);
        assertThat(log.throttled()).isEqualTo(1);
    }
}
