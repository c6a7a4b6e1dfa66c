package org.ward.simulator.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.ward.simulator.server.BesideGraph;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exchange Online as far as apps sending mail see it: what was sent from which mailbox, and how many requests each app
 * has in flight per mailbox (Outlook allows 4 concurrent requests per app per mailbox). This is the Java API tests
 * read sent mail through; the same list is served beside Graph at {@code GET /_simulator/sent-mail} (no token; the
 * simulator's own endpoint, not Graph's) for people running the standalone simulator.
 */
public final class Mailboxes implements BesideGraph {

    static final String SENT_MAIL_PATH = "/_simulator/sent-mail";
    static final int CONCURRENT_REQUESTS = 4;

    private final Tenant tenant;
    private final List<SentMessage> sent = new ArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public Mailboxes(Tenant tenant) {
        this.tenant = tenant;
    }

    /** Every message sent, oldest first. */
    public List<SentMessage> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** Messages sent from one mailbox, by user id or user principal name. */
    public List<SentMessage> sentFrom(String userIdOrUpn) {
        User user = tenant.read(() -> tenant.user(userIdOrUpn));
        String id = user == null ? userIdOrUpn : user.id();
        return sent().stream().filter(m -> m.senderId().equals(id)).toList();
    }

    public void clear() {
        synchronized (sent) {
            sent.clear();
        }
    }

    void add(SentMessage message) {
        synchronized (sent) {
            sent.add(message);
        }
    }

    /** Starts a request of the app on the mailbox; false when it already has the most in flight. */
    boolean begin(String appId, String userId) {
        AtomicInteger count = inFlight.computeIfAbsent(appId + "|" + userId, k -> new AtomicInteger());
        if (count.incrementAndGet() > CONCURRENT_REQUESTS) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    void end(String appId, String userId) {
        inFlight.get(appId + "|" + userId).decrementAndGet();
    }

    @Override
    public boolean handles(String path) {
        return path.equals(SENT_MAIL_PATH);
    }

    @Override
    public GraphResponse handle(String method, String path, String rawQuery, Map<String, String> headers, String origin) {
        ObjectNode answer = Json.object();
        ArrayNode value = answer.putArray("value");
        for (SentMessage m : sent()) {
            ObjectNode node = value.addObject();
            node.put("id", m.id());
            node.put("sentDateTime", Json.date(m.sentAt()));
            node.put("appId", m.appId());
            node.put("from", m.sender());
            node.put("subject", m.subject());
            m.to().forEach(node.putArray("to")::add);
            m.cc().forEach(node.putArray("cc")::add);
            m.bcc().forEach(node.putArray("bcc")::add);
            node.put("bodyContentType", m.bodyContentType());
            node.put("body", m.body());
            ObjectNode custom = node.putObject("internetMessageHeaders");
            m.headers().forEach(custom::put);
            m.attachments().forEach(node.putArray("attachments")::add);
        }
        return GraphResponse.ok(answer).header("Content-Type", "application/json");
    }
}
