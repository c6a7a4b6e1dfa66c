package org.ward.simulator;

import java.time.Duration;
import java.util.stream.Stream;

import org.ward.simulator.tenant.Drive;
import org.ward.simulator.throttle.Budget;

import com.microsoft.graph.models.odataerrors.ODataError;

/** Graph's error bodies (401, 403, the two 404s, 410, 429) against the SDK's ODataError and Microsoft's examples. */
class ErrorShapeTests extends DocumentedShapeTests {

    private GraphHttp reader;
    private GraphHttp throttled;
    private String driveId;
    private String staleDeltaLink;

    @Override
    protected Simulator start() {
        // Five units a minute: the reader's few SharePoint calls fit; a second permission listing does not.
        return SmallClinic.start(Simulator.builder().sharePointBudget(new Budget(5, Duration.ofMinutes(1), true)));
    }

    @Override
    protected void prepare() {
        reader = SmallClinic.reader(simulator);
        Drive drive = SmallClinic.oneDrive(simulator, SmallClinic.ADA);
        driveId = drive.id;
        staleDeltaLink = reader.get("/drives/" + driveId + "/root/delta?token=latest").json().path("@odata.deltaLink").asString();
        simulator.changes().invalidateDeltaTokens(driveId);
        throttled = SmallClinic.fullControl(simulator);
        throttled.get("/drives/" + driveId + "/items/root/permissions");
    }

    @Override
    protected Stream<Shape> shapes() {
        return Stream.of(
                Shape.of("401 InvalidAuthenticationToken", "error.json", ODataError::createFromDiscriminatorValue,
                        () -> GraphHttp.anonymous(simulator).get("/users")).status(401),
                Shape.of("403 Authorization_RequestDenied", "error-authorization-requestdenied.json",
                        ODataError::createFromDiscriminatorValue, () -> SmallClinic.noPermissions(simulator).get("/users"))
                        .status(403),
                Shape.of("404 Request_ResourceNotFound", "error.json", ODataError::createFromDiscriminatorValue,
                        () -> reader.get("/users/nobody@smallclinic.nhs.uk")).status(404),
                Shape.of("404 itemNotFound", "error.json", ODataError::createFromDiscriminatorValue,
                        () -> reader.get("/drives/" + driveId + "/items/01NOSUCHITEM")).status(404),
                Shape.of("410 resyncChangesApplyDifferences", "error.json", ODataError::createFromDiscriminatorValue,
                        () -> reader.get(staleDeltaLink)).status(410),
                Shape.of("429 TooManyRequests", "throttling-429.json", ODataError::createFromDiscriminatorValue,
                        () -> throttled.get("/drives/" + driveId + "/items/root/permissions")).status(429)
                        .omitsAll("the SDK's innerError model has date, request-id and client-request-id only; the"
                                + " simulator keeps to it", "error.innerError.code", "error.innerError.message",
                                "error.innerError.status"));
    }
}
