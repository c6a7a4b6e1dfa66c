package org.ward.connector.graph;

import com.microsoft.kiota.RequestOption;

/**
 * Marks a request whose answer a streaming reader reads ({@link GraphJsonReads}): the resilience layer still refuses
 * an answer that is not JSON at all, but leaves finding a cut-off or malformed body to that reader, which tokenises
 * the body anyway, instead of tokenising it once more before it. Kiota hands request options on to OkHttp as tags.
 */
final class StreamedJson implements RequestOption {

    static final StreamedJson OPTION = new StreamedJson();

    private StreamedJson() {
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends RequestOption> Class<T> getType() {
        return (Class<T>) StreamedJson.class;
    }
}
