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
    private final String text;

    private ODataFilter(Node root, String text) {
        this.root = root;
        this.text = text;
    }

    /**
     * One comparison or function in the filter, named by the entity's property it reads (for a lambda, the
     * collection it ranges over).
     *
     * @param property the entity's property, as written
     * @param operator eq, ne, gt, ge, lt, le, startsWith, endsWith or contains
     * @param negated inside a {@code not}
     */
    public record Clause(String property, String operator, boolean negated) {
    }

    public static ODataFilter parse(String text) {
        Parser parser = new Parser(tokenize(text), text);
        Node node = parser.expression();
        if (!parser.atEnd()) {
            throw invalid(text);
        }
        return new ODataFilter(node, text);
    }

    /** The filter as the client wrote it. */
    public String text() {
        return text;
    }

    /**
     * Refuses a filter that names a property the type does not have, as Graph does ("Invalid filter clause: Could
     * not find a property named 'x' on type 'microsoft.graph.y'."), following complex types through paths and
     * lambda variables through the collections they range over.
     */
    public void checkProperties(GraphModel model, GraphModel.StructuredType type) {
        root.check(new Scope(model, type, Map.of()));
    }

    /** Every comparison and function in the filter, for services that allow only some (the directory). */
    public List<Clause> clauses() {
        List<Clause> clauses = new ArrayList<>();
        root.collect(clauses, false, null);
        return clauses;
    }

    /** What names mean where a property is read: the entity's type, and the lambda variables in scope. */
    private record Scope(GraphModel model, GraphModel.StructuredType type, Map<String, GraphModel.TypeRef> variables) {

        Scope with(String variable, GraphModel.TypeRef element) {
            Map<String, GraphModel.TypeRef> more = new HashMap<>(variables);
            more.put(variable, element);
            return new Scope(model, type, more);
        }

        /** The type of a path's value, or an exception naming the first segment the model does not know. */
        GraphModel.TypeRef resolve(List<String> path) {
            GraphModel.TypeRef current;
            int start;
            if (variables.containsKey(path.get(0))) {
                current = variables.get(path.get(0));
                start = 1;
            } else {
                current = new GraphModel.TypeRef(type.name(), false, false);
                start = 0;
            }
            for (int i = start; i < path.size(); i++) {
                GraphModel.StructuredType owner = current.primitive() ? null : model.type(current.name());
                if (owner == null) {
                    throw unknownProperty(path.get(i), current.primitive() ? "Edm." + current.name()
                            : GraphModel.NAMESPACE + current.name());
                }
                if (GraphModel.open(owner.name())) {
                    return new GraphModel.TypeRef("Untyped", false, false);
                }
                GraphModel.TypeRef next = owner.property(path.get(i));
                if (next == null) {
                    throw unknownProperty(path.get(i), owner.qualifiedName());
                }
                current = next;
            }
            return current;
        }
    }

    private static GraphException unknownProperty(String property, String qualifiedType) {
        return new GraphException(400, "BadRequest", "Invalid filter clause: Could not find a property named '" + property
                + "' on type '" + qualifiedType + "'.");
    }

    public boolean matches(JsonNode entity) {
        return truthy(root.eval(entity, new HashMap<>()));
    }

    static GraphException invalid(String text) {
        return new GraphException(400, "BadRequest", "Invalid filter clause: " + text);
    }

    private interface Node {
        Object eval(JsonNode entity, Map<String, JsonNode> vars);

        /** Resolves every property this node reads. */
        default void check(Scope scope) {
        }

        /** Adds this node's comparisons; {@code lambda} is the collection property a lambda ranges over, or null. */
        default void collect(List<Clause> clauses, boolean negated, String lambda) {
        }

        /** The entity property this operand reads, or null for a literal. */
        default String property(String lambda) {
            return null;
        }
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

        @Override
        public void check(Scope scope) {
            scope.resolve(path);
        }

        @Override
        public String property(String lambda) {
            return lambda != null ? lambda : path.get(0);
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

        @Override
        public void check(Scope scope) {
            GraphModel.TypeRef ref = scope.resolve(collection.path());
            if (!ref.collection() && !"Untyped".equals(ref.name())) {
                throw invalid("'" + String.join("/", collection.path()) + "' is not a collection");
            }
            body.check(scope.with(var, new GraphModel.TypeRef(ref.name(), false, false)));
        }

        @Override
        public void collect(List<Clause> clauses, boolean negated, String lambda) {
            body.collect(clauses, negated, collection.property(lambda));
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

        @Override
        public void check(Scope scope) {
            left.check(scope);
            right.check(scope);
        }

        @Override
        public void collect(List<Clause> clauses, boolean negated, String lambda) {
            if (op.equals("and") || op.equals("or")) {
                left.collect(clauses, negated, lambda);
                right.collect(clauses, negated, lambda);
                return;
            }
            String property = left.property(lambda) != null ? left.property(lambda) : right.property(lambda);
            if (property != null) {
                clauses.add(new Clause(property, op, negated));
            }
            // startswith(displayName,'A') eq true: the function is a clause of its own
            left.collect(clauses, negated, lambda);
            right.collect(clauses, negated, lambda);
        }
    }

    private record Not(Node inner) implements Node {
        public Object eval(JsonNode entity, Map<String, JsonNode> vars) {
            return !truthy(inner.eval(entity, vars));
        }

        @Override
        public void check(Scope scope) {
            inner.check(scope);
        }

        @Override
        public void collect(List<Clause> clauses, boolean negated, String lambda) {
            inner.collect(clauses, true, lambda);
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

        @Override
        public void check(Scope scope) {
            target.check(scope);
            argument.check(scope);
        }

        @Override
        public void collect(List<Clause> clauses, boolean negated, String lambda) {
            String property = target.property(lambda);
            if (property != null) {
                String name = switch (function) {
                    case "startswith" -> "startsWith";
                    case "endswith" -> "endsWith";
                    default -> function;
                };
                clauses.add(new Clause(property, name, negated));
            }
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
