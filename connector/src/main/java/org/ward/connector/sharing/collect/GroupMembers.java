package org.ward.connector.sharing.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphErrors;
import org.ward.rules.sharing.GroupMember;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryObjectCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * Reads the members and owners of Microsoft 365 groups that can reach recordings, so findings can say how many
 * people a group grant lets in. SharePoint groups' membership is not in Graph; their size stays unknown.
 */
@Component
public class GroupMembers {

    private final GraphServiceClient graph;
    private final GraphErrors errors;

    public GroupMembers(GraphServiceClient graph, GraphErrors errors) {
        this.graph = graph;
        this.errors = errors;
    }

    /** The group's members (owners included), or empty when Graph does not know the group. */
    public List<GroupMember> of(String groupId) {
        try {
            Map<String, GroupMember> members = new LinkedHashMap<>();
            for (User owner : users(errors.call(() -> graph.groups().byGroupId(groupId).owners().get(rc ->
                    rc.queryParameters.select = new String[] {"id", "userPrincipalName", "displayName", "userType"})))) {
                members.put(owner.getId(), member(owner, true));
            }
            var page = errors.call(() -> graph.groups().byGroupId(groupId).members().get(rc -> {
                rc.queryParameters.select = new String[] {"id", "userPrincipalName", "displayName", "userType"};
                rc.queryParameters.top = 999;
            }));
            while (page != null) {
                for (User user : users(page)) {
                    members.putIfAbsent(user.getId(), member(user, false));
                }
                String next = page.getOdataNextLink();
                page = next == null ? null : errors.call(() -> graph.groups().byGroupId(groupId).members().withUrl(next).get());
            }
            return List.copyOf(members.values());
        } catch (GraphAccessException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    private static List<User> users(DirectoryObjectCollectionResponse page) {
        List<User> users = new ArrayList<>();
        for (DirectoryObject object : page.getValue()) {
            if (object instanceof User user) {
                users.add(user);
            }
        }
        return users;
    }

    private static GroupMember member(User user, boolean owner) {
        return new GroupMember(user.getId(), user.getUserPrincipalName(), user.getDisplayName(),
                "Guest".equalsIgnoreCase(user.getUserType()), owner);
    }
}
