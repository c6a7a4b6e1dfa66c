package org.ward.simulator;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One delta round as a sync client runs it: follow {@code @odata.nextLink} until a page carries
 * {@code @odata.deltaLink}.
 *
 * @param items every item of every page, in order
 * @param pages how many pages the round took
 * @param deltaLink where the next round starts
 */
record DeltaRound(List<JsonNode> items, int pages, String deltaLink) {

    static DeltaRound follow(GraphHttp graph, String firstUrl, String... headers) {
        return follow(graph, firstUrl, () -> { }, headers);
    }

    /** Runs {@code betweenPages} after the first page, before the second is asked for. */
    static DeltaRound follow(GraphHttp graph, String firstUrl, Runnable betweenPages, String... headers) {
        List<JsonNode> items = new ArrayList<>();
        String url = firstUrl;
        int pages = 0;
        while (true) {
            Reply reply = graph.get(url, headers);
            if (reply.status() != 200) {
                throw new AssertionError("Delta page " + (pages + 1) + " failed: " + reply);
            }
            pages++;
            reply.json().path("value").forEach(items::add);
            JsonNode next = reply.json().get("@odata.nextLink");
            if (next == null) {
                return new DeltaRound(items, pages, reply.json().path("@odata.deltaLink").asString());
            }
            if (pages == 1) {
                betweenPages.run();
            }
            url = next.asString();
        }
    }

    List<String> names() {
        return items.stream().filter(i -> i.has("name")).map(i -> i.path("name").asString()).toList();
    }

    JsonNode item(String id) {
        return items.stream().filter(i -> i.path("id").asString().equals(id)).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("Item " + id + " not in the round: " + items));
    }

    List<String> ids() {
        return items.stream().map(i -> i.path("id").asString()).toList();
    }
}
