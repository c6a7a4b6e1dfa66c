package org.ward.connector.sharing.collect;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphErrors;
import org.ward.rules.sharing.Membership;

import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * The directory collector the sharing stage reads guests from: every user's object id, sign-in name, mail address and
 * {@code userType} ({@code GET /users?$select=id,userPrincipalName,mail,userType}, 999 a page). Whether someone who
 * can reach a recording is a guest is then Graph's word, not a guess from their address.
 */
@Component
public class DirectoryUsers {

    private final GraphServiceClient graph;
    private final GraphErrors errors;

    public DirectoryUsers(GraphServiceClient graph, GraphErrors errors) {
        this.graph = graph;
        this.errors = errors;
    }

    public List<Membership.DirectoryUser> all() {
        List<Membership.DirectoryUser> users = new ArrayList<>();
        var page = errors.call(() -> graph.users().get(rc -> {
            rc.queryParameters.select = new String[] {"id", "userPrincipalName", "mail", "userType"};
            rc.queryParameters.top = 999;
        }));
        while (page != null) {
            for (User user : page.getValue()) {
                users.add(new Membership.DirectoryUser(user.getId(), user.getUserPrincipalName(), user.getMail(),
                        user.getUserType()));
            }
            String next = page.getOdataNextLink();
            page = next == null ? null : errors.call(() -> graph.users().withUrl(next).get());
        }
        return users;
    }
}
