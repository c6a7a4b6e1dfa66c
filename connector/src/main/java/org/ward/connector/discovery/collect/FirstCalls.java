package org.ward.connector.discovery.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphErrors;

import com.microsoft.graph.models.Drive;
import com.microsoft.graph.models.Site;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * The calls a scan makes first, made once each for {@code ward check-connection}: list the sites, list a site's
 * libraries and open one library's change feed, list users and groups. A token with the right roles is not enough
 * (a tenant can still refuse, a proxy can still break the answers): only these calls show a scan will get going.
 */
@Component
public class FirstCalls {

    /**
     * One call and how it went.
     *
     * @param call the request as an administrator would name it
     * @param failure the sentence Graph's refusal became, null when it worked
     */
    public record Call(String call, String failure) {

        public boolean ok() {
            return failure == null;
        }
    }

    private final GraphServiceClient graph;
    private final GraphErrors errors;

    public FirstCalls(GraphServiceClient graph, GraphErrors errors) {
        this.graph = graph;
        this.errors = errors;
    }

    /** Makes the calls in order; a call that needs the one before is skipped when that one failed. */
    public List<Call> make() {
        List<Call> calls = new ArrayList<>();
        Site site = attempt(calls, "GET /sites/getAllSites (the site list)", () -> {
            var page = graph.sites().getAllSites().get(rc -> {
                rc.queryParameters.select = new String[] {"id", "webUrl", "isPersonalSite"};
                rc.queryParameters.top = 10;
            });
            return page.getValue().stream().filter(s -> !Boolean.TRUE.equals(s.getIsPersonalSite())).findFirst()
                    .orElse(page.getValue().isEmpty() ? null : page.getValue().get(0));
        });
        Drive drive = site == null ? null : attempt(calls, "GET /sites/{id}/drives (a site's libraries)", () -> {
            var drives = graph.sites().bySiteId(site.getId()).drives().get(rc -> rc.queryParameters.select = new String[] {"id"});
            return drives.getValue().isEmpty() ? null : drives.getValue().get(0);
        });
        if (drive != null) {
            String latest = graph.getRequestAdapter().getBaseUrl() + "/drives/" + drive.getId() + "/root/delta?token=latest";
            attempt(calls, "GET /drives/{id}/root/delta?token=latest (a library's change feed)", () -> graph.drives()
                    .byDriveId(drive.getId()).items().byDriveItemId("root").delta().withUrl(latest).get());
        }
        attempt(calls, "GET /users (users and their OneDrives)", () -> graph.users().get(rc -> {
            rc.queryParameters.select = new String[] {"id"};
            rc.queryParameters.top = 1;
        }));
        attempt(calls, "GET /groups (Microsoft 365 groups and teams)", () -> graph.groups().get(rc -> {
            rc.queryParameters.select = new String[] {"id"};
            rc.queryParameters.top = 1;
        }));
        return calls;
    }

    private <T> T attempt(List<Call> calls, String call, Supplier<T> request) {
        try {
            T answer = errors.call(request::get);
            calls.add(new Call(call, null));
            return answer;
        } catch (GraphAccessException e) {
            calls.add(new Call(call, e.getMessage()));
            return null;
        }
    }
}
