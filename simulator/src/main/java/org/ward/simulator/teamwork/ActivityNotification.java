package org.ward.simulator.teamwork;

import java.time.Instant;
import java.util.Map;

/**
 * An activity feed notification Graph accepted for a user.
 *
 * @param at when it was accepted
 * @param appId the sending app's client id
 * @param recipientId the recipient's user id
 * @param recipientUpn the recipient's user principal name
 * @param activityType the activity type ({@code systemDefault} for free text)
 * @param topicSource {@code text} or {@code entityUrl}
 * @param topicValue the topic's value
 * @param webUrl the link the user clicks
 * @param previewText the preview text's content
 * @param templateParameters the template parameters by name
 * @param chainId the chain id, null when none was given (a later notification with the same one replaces it)
 * @param json the request body as sent
 */
public record ActivityNotification(Instant at, String appId, String recipientId, String recipientUpn, String activityType,
        String topicSource, String topicValue, String webUrl, String previewText, Map<String, String> templateParameters,
        Long chainId, String json) {
}
