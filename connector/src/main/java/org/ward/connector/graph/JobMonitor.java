package org.ward.connector.graph;

import java.io.IOException;
import java.util.Optional;

import org.springframework.stereotype.Component;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows a long-running Graph job through its monitor URL (the OneDrive and SharePoint pattern behind
 * assignSensitivityLabel): a plain GET with no token — the URL's {@code tempAuth} is the credential, and the URL is on
 * SharePoint, where Ward's Graph token must not go — answered with an {@code asyncJobStatus}. The request still passes
 * Ward's resilience layer (retries, pacing) and trust settings.
 */
@Component
public class JobMonitor {

    /**
     * What the monitor said.
     *
     * @param status notStarted, inProgress, completed, failed, … (long-running actions' values)
     * @param description Graph's statusDescription, e.g. why a job failed; may be empty
     */
    public record JobStatus(String status, String description) {

        public boolean completed() {
            return "completed".equalsIgnoreCase(status);
        }

        public boolean failed() {
            return "failed".equalsIgnoreCase(status) || "deleteFailed".equalsIgnoreCase(status);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OkHttpClient http;

    public JobMonitor(GraphSettings settings, GraphResilience resilience) {
        this.http = new GraphClients(settings, resilience).httpClient();
    }

    /** The job's status, or empty when the monitor no longer knows it (gone, expired, or its tempAuth refused). */
    public Optional<JobStatus> status(String monitorUrl) {
        Request request = new Request.Builder().url(monitorUrl).get().build();
        try (Response response = http.newCall(request).execute()) {
            int code = response.code();
            if (code == 401 || code == 403 || code == 404 || code == 410) {
                return Optional.empty();
            }
            String body = response.body() == null ? "" : response.body().string();
            if (code >= 400) {
                throw new GraphAccessException("The label job's monitor answered " + code + "; Ward asks again later.", code,
                        "", null);
            }
            JsonNode status = JSON.readTree(body.isBlank() ? "{}" : body);
            return Optional.of(new JobStatus(status.path("status").asString(""), status.path("statusDescription").asString("")));
        } catch (IOException | JacksonException e) {
            throw new GraphAccessException("Ward could not read the label job's monitor (" + e.getMessage() + "); it asks"
                    + " again later.", e);
        }
    }
}
