package org.ward.connector.alerts.collect;

import java.util.List;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphErrors;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.KeyValuePair;
import com.microsoft.graph.models.TeamworkActivityTopic;
import com.microsoft.graph.models.TeamworkActivityTopicSource;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.teamwork.sendactivitynotification.SendActivityNotificationPostRequestBody;

/**
 * {@code POST /users/{id}/teamwork/sendActivityNotification} through the SDK and the one resilience layer: a
 * notification in a person's Teams activity feed (application permission TeamsActivity.Send; the Teams app whose
 * manifest names Ward's Entra app in webApplicationInfo must be installed for the person, else Graph answers 403).
 * Ward sends the reserved {@code systemDefault} activity type, whose {@code systemDefaultText} is the free text of the
 * notification's Actor+Reason line, so the Teams app needs no activity types of its own
 * (learn.microsoft.com/graph/api/userteamwork-sendactivitynotification; graph/teams-send-activityfeednotifications).
 * The chain id makes a retried notification replace the one Teams may already show instead of adding a second.
 */
@Component
public class GraphActivityFeed {

    /** Teams shows the first 150 characters of a notification's preview text. */
    public static final int PREVIEW_LIMIT = 150;

    private final GraphServiceClient graph;
    private final GraphErrors errors;

    public GraphActivityFeed(GraphServiceClient graph, GraphErrors errors) {
        this.graph = graph;
        this.errors = errors;
    }

    /**
     * Notifies one person.
     *
     * @param user the person's user principal name or id
     * @param text the Actor+Reason line
     * @param preview the preview text (cut to {@value #PREVIEW_LIMIT} characters)
     * @param topic what the notification is about, shown as its location
     * @param webUrl the https link the person selects
     * @param chainId the same for every send of one alert, so a retry replaces rather than repeats
     */
    public void notify(String user, String text, String preview, String topic, String webUrl, long chainId) {
        SendActivityNotificationPostRequestBody body = new SendActivityNotificationPostRequestBody();
        TeamworkActivityTopic about = new TeamworkActivityTopic();
        about.setSource(TeamworkActivityTopicSource.Text);
        about.setValue(topic);
        about.setWebUrl(webUrl);
        body.setTopic(about);
        body.setActivityType("systemDefault");
        body.setChainId(chainId);
        ItemBody previewText = new ItemBody();
        previewText.setContentType(BodyType.Text);
        previewText.setContent(preview.length() > PREVIEW_LIMIT ? preview.substring(0, PREVIEW_LIMIT - 1) + "…" : preview);
        body.setPreviewText(previewText);
        KeyValuePair line = new KeyValuePair();
        line.setName("systemDefaultText");
        line.setValue(text);
        body.setTemplateParameters(List.of(line));
        try {
            errors.call(() -> {
                graph.users().byUserId(user).teamwork().sendActivityNotification().post(body);
                return null;
            });
        } catch (GraphAccessException e) {
            if (e.status() == 403 && graphSaid(e).contains("Teams app is installed")) {
                throw new TeamsAppMissing(user, e);
            }
            throw e;
        }
    }

    /** Graph's own message: a 403 here is a missing permission or a recipient without the Teams app. */
    private static String graphSaid(GraphAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ODataError odata && odata.getError() != null && odata.getError().getMessage() != null) {
                return odata.getError().getMessage();
            }
        }
        return String.valueOf(e.getMessage());
    }

    /** Teams refused because the Teams app naming Ward's Entra app is not installed for the recipient. */
    public static final class TeamsAppMissing extends RuntimeException {

        private final String user;

        TeamsAppMissing(String user, GraphAccessException cause) {
            super(cause.getMessage(), cause);
            this.user = user;
        }

        public String user() {
            return user;
        }
    }
}
