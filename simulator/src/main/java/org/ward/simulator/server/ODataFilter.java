package org.ward.simulator.server;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A parsed OData {@code $filter} expression evaluated against an entity's JSON, so every resource family filters
 * on exactly the fields it returns. Supports comparisons (eq, ne, gt, ge, lt, le), and/or/not, parentheses,
 * {@code startswith}/{@code endswith}/{@code contains}, and lambda {@code any}/{@code all} over collections.
 */
public final class ODataFilter {

    private final Node root;

    private ODataFilter(Node root) {
        this.root = root;
    }

    public static ODataFilter parse(String text) {
        Parser parser = new Parser(tokenize(text), text);
        Node node = parser.expression();
        if (!parser.atEnd()) {
            throw invalid(text);
        }
        return new ODataFilter(node);
    }

    public boolean matches(JsonNode entity) {
        return truthy(root.eval(entity, new HashMap<>()));
    }

    static GraphException invalid(String text) {
        return new GraphException(400, "BadRequest", "Invalid filter clause: " + text);
    }

    private interface Node {
        Object eval(JsonNode entity, Map<String, JsonNode> vars);
    }

    private record Literal(Object value) implements Node {
        public Object eval(JsonNode entity, Map<String, JsonNode> vars) {
            return value;
        }
    }

    private record Property(List<String> path) implements Node {
        public Object eval(JsonNode entity, Map<String, JsonNode> vars) {
            JsonNode current = entity;
            int start = 0;
            if (vars.containsKey(path.get(0))) {
                current = vars.get(path.get(0));
                start = 1;
            }
            for (int i = start; i < path.size() && current != null; i++) {
                current = field(current, path.get(i));
            }
            return current;
        }
    }

    private record Lambda(Property collection, String kind, String var, Node body) implements Node {
        public Object eval(JsonNode entity, Map<String, JsonNode> vars) {
            Object value = collection.eval(entity, vars);
            if (!(value instanceof JsonNode array) || !array.isArray()) {
                return kind.equals("all");
            }
            for (JsonNode element : array) {
                Map<String, JsonNode> inner = new HashMap<>(vars);
                inner.put(var, element);
                boolean hit = truthy(body.eval(entity, inner));
                if (kind.equals("any") && hit) {
                    return true;
                }
                if (kind.equals("all") && !hit) {
                    return false;
                }
            }
            return kind.equals("all");
        }
    }

    private record Binary(String op, Node left, Node right) implements Node {
        public Object eval(JsonNode entity, Map<String, JsonNode> vars) {
            switch (op) {
                case "and":
                    return truthy(left.eval(entity, vars)) && truthy(right.eval(entity, vars));
                case "or":
                    return truthy(left.eval(entity, vars)) || truthy(right.eval(entity, vars));
                default:
                    return compare(op, left.eval(entity, vars), right.eval(entity, vars));
            }
        }
    }

    private record Not(Node inner) implements Node {
        public Object eval(JsonNode entity, Map<String, JsonNode> vars) {
            return !truthy(inner.eval(entity, vars));
        }
    }

    private record Call(String function, Node target, Node argument) implements Node {
        public Object eval(JsonNode entity, Map<String, JsonNode> vars) {
            String haystack = string(target.eval(entity, vars));
            String needle = string(argument.eval(entity, vars));
            if (haystack == null || needle == null) {
                return false;
            }
            haystack = haystack.toLowerCase(Locale.ROOT);
            needle = needle.toLowerCase(Locale.ROOT);
            return switch (function) {
                case "startswith" -> haystack.startsWith(needle);
                case "endswith" -> haystack.endsWith(needle);
                default -> haystack.contains(needle);
            };
        }
    }

    private static JsonNode field(JsonNode node, String name) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value instanceof JsonNode n && n.isBoolean() && n.booleanValue();
    }

    private static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof JsonNode n && !n.isNull() && !n.isMissingNode() && n.isValueNode()) {
            return n.asString();
        }
        return null;
    }

    private static Object plain(Object value) {
        if (value instanceof JsonNode n) {
            if (n.isNull() || n.isMissingNode()) {
                return null;
            }
            if (n.isBoolean()) {
                return n.booleanValue();
            }
            if (n.isNumber()) {
                return n.decimalValue();
            }
            if (n.isString()) {
                return n.stringValue();
            }
            return n;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static boolean compare(String op, Object leftRaw, Object rightRaw) {
        Object left = plain(leftRaw);
        Object right = plain(rightRaw);
        if (left == null || right == null) {
            boolean equal = left == right;
            return op.equals("eq") ? equal : op.equals("ne") && !equal;
        }
        int cmp;
        Instant leftTime = instant(left);
        Instant rightTime = instant(right);
        if (leftTime != null && rightTime != null) {
            cmp = leftTime.compareTo(rightTime);
        } else if (left instanceof BigDecimal l && right instanceof BigDecimal r) {
            cmp = l.compareTo(r);
        } else if (left instanceof Boolean l && right instanceof Boolean r) {
            cmp = l.equals(r) ? 0 : 1;
        } else {
            cmp = String.valueOf(left).compareToIgnoreCase(String.valueOf(right));
        }
        return switch (op) {
            case "eq" -> cmp == 0;
            case "ne" -> cmp != 0;
            case "gt" -> cmp > 0;
            case "ge" -> cmp >= 0;
            case "lt" -> cmp < 0;
            default -> cmp <= 0;
        };
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof String s && s.length() >= 20 && Character.isDigit(s.charAt(0)) && s.charAt(4) == '-') {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder sb = new StringBuilder("'");
                i++;
                while (i < text.length()) {
                    if (text.charAt(i) == '\'') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                            sb.append('\'');
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    sb.append(text.charAt(i++));
                }
                if (i >= text.length()) {
                    throw invalid(text);
                }
                i++;
                tokens.add(sb.toString());
            } else if ("(),:/".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "(),'/".indexOf(text.charAt(i)) < 0
                        && !(text.charAt(i) == ':' && !looksLikeTime(text, start, i))) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    /** A bare timestamp (2025-01-01T00:00:00Z) has colons that are not lambda separators. */
    private static boolean looksLikeTime(String text, int start, int colon) {
        return colon - start >= 11 && Character.isDigit(text.charAt(start)) && text.charAt(start + 4) == '-';
    }

    private static final class Parser {
        private final List<String> tokens;
        private final String text;
        private int pos;

        Parser(List<String> tokens, String text) {
            this.tokens = tokens;
            this.text = text;
        }

        boolean atEnd() {
            return pos >= tokens.size();
        }

        private String peek() {
            return atEnd() ? null : tokens.get(pos);
        }

        private String next() {
            if (atEnd()) {
                throw invalid(text);
            }
            return tokens.get(pos++);
        }

        private void expect(String token) {
            if (!token.equals(next())) {
                throw invalid(text);
            }
        }

        Node expression() {
            Node left = conjunction();
            while ("or".equalsIgnoreCase(peek())) {
                next();
                left = new Binary("or", left, conjunction());
            }
            return left;
        }

        private Node conjunction() {
            Node left = unary();
            while ("and".equalsIgnoreCase(peek())) {
                next();
                left = new Binary("and", left, unary());
            }
            return left;
        }

        private Node unary() {
            if ("not".equalsIgnoreCase(peek())) {
                next();
                return new Not(unary());
            }
            Node left = primary();
            String op = peek();
            if (op != null && List.of("eq", "ne", "gt", "ge", "lt", "le").contains(op.toLowerCase(Locale.ROOT))) {
                next();
                return new Binary(op.toLowerCase(Locale.ROOT), left, primary());
            }
            return left;
        }

        private Node primary() {
            String token = next();
            if (token.equals("(")) {
                Node inner = expression();
                expect(")");
                return inner;
            }
            if (token.startsWith("'")) {
                return new Literal(token.substring(1));
            }
            String lower = token.toLowerCase(Locale.ROOT);
            if (List.of("startswith", "endswith", "contains").contains(lower) && "(".equals(peek())) {
                next();
                Node target = primary();
                expect(",");
                Node argument = primary();
                expect(")");
                return new Call(lower, target, argument);
            }
            switch (lower) {
                case "true":
                    return new Literal(Boolean.TRUE);
                case "false":
                    return new Literal(Boolean.FALSE);
                case "null":
                    return new Literal(null);
                default:
                    break;
            }
            if (Character.isDigit(token.charAt(0)) || token.charAt(0) == '-') {
                Instant time = instant(token);
                if (time != null) {
                    return new Literal(time);
                }
                try {
                    return new Literal(new BigDecimal(token));
                } catch (NumberFormatException e) {
                    throw invalid(text);
                }
            }
            List<String> path = new ArrayList<>();
            path.add(token);
            while ("/".equals(peek())) {
                next();
                String segment = next();
                String seg = segment.toLowerCase(Locale.ROOT);
                if ((seg.equals("any") || seg.equals("all")) && "(".equals(peek())) {
                    next();
                    String var = next();
                    expect(":");
                    Node body = expression();
                    expect(")");
                    return new Lambda(new Property(List.copyOf(path)), seg, var, body);
                }
                path.add(segment);
            }
            return new Property(List.copyOf(path));
        }
    }
}
