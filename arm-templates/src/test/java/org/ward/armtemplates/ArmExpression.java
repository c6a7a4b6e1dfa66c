package org.ward.armtemplates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * An ARM template expression — a JSON string that starts with {@code [} and ends with {@code ]} — parsed into a tree,
 * following Microsoft's grammar (learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions):
 * function calls with comma-separated arguments, single-quoted strings with {@code ''} as the escaped quote, integers,
 * property access ({@code .name}) and indexing ({@code [expression]}). A string starting with {@code [[} is a literal
 * that begins with {@code [}, not an expression.
 */
public sealed interface ArmExpression {

    record Call(String namespace, String name, List<ArmExpression> arguments) implements ArmExpression {
        /** The function's name as ARM matches it: case-insensitively. */
        public String key() {
            return (namespace == null ? "" : namespace.toLowerCase(Locale.ROOT) + ".") + name.toLowerCase(Locale.ROOT);
        }
    }

    record Text(String value) implements ArmExpression {
    }

    record Number(long value) implements ArmExpression {
    }

    record Member(ArmExpression target, String property) implements ArmExpression {
    }

    record Index(ArmExpression target, ArmExpression index) implements ArmExpression {
    }

    /** Whether ARM evaluates this JSON string as an expression. */
    static boolean isExpression(String value) {
        return value.length() >= 2 && value.startsWith("[") && value.endsWith("]") && !value.startsWith("[[");
    }

    /** Parses the expression inside the brackets of {@code value}; fails with the position and what was expected. */
    static ArmExpression parse(String value) {
        if (!isExpression(value)) {
            throw new IllegalArgumentException("not an ARM expression: " + value);
        }
        Parser parser = new Parser(value, 1, value.length() - 1);
        ArmExpression expression = parser.expression();
        parser.skipSpace();
        if (parser.position != parser.end) {
            throw parser.error("the expression ends, but '" + value.substring(parser.position, parser.end) + "' follows");
        }
        if (!(expression instanceof Call) && !(expression instanceof Member) && !(expression instanceof Index)) {
            throw parser.error("an expression must start with a function call");
        }
        return expression;
    }

    /** Visits this node and every node below it, parents first. */
    default void walk(Consumer<ArmExpression> visitor) {
        visitor.accept(this);
        if (this instanceof Call call) {
            call.arguments().forEach(argument -> argument.walk(visitor));
        } else if (this instanceof Member member) {
            member.target().walk(visitor);
        } else if (this instanceof Index index) {
            index.target().walk(visitor);
            index.index().walk(visitor);
        }
    }

    /** Every function call in this expression, outermost first. */
    default List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        walk(node -> {
            if (node instanceof Call call) {
                calls.add(call);
            }
        });
        return calls;
    }

    final class InvalidExpression extends IllegalArgumentException {
        InvalidExpression(String message) {
            super(message);
        }
    }

    final class Parser {
        private final String source;
        private final int end;
        private int position;

        Parser(String source, int start, int end) {
            this.source = source;
            this.position = start;
            this.end = end;
        }

        ArmExpression expression() {
            skipSpace();
            ArmExpression primary = primary();
            while (true) {
                skipSpace();
                if (peek('.')) {
                    position++;
                    primary = new Member(primary, identifier("a property name after '.'"));
                } else if (peek('[')) {
                    position++;
                    ArmExpression index = expression();
                    skipSpace();
                    expect(']');
                    primary = new Index(primary, index);
                } else {
                    return primary;
                }
            }
        }

        private ArmExpression primary() {
            if (position >= end) {
                throw error("an expression is missing");
            }
            char c = source.charAt(position);
            if (c == '\'') {
                return text();
            }
            if (c == '-' || Character.isDigit(c)) {
                return number();
            }
            if (Character.isLetter(c) || c == '_') {
                String first = identifier("a function name");
                String namespace = null;
                String name = first;
                if (peek('.') && isIdentifierStart(position + 1)) {
                    position++;
                    namespace = first;
                    name = identifier("a function name after the namespace");
                }
                skipSpace();
                expect('(');
                List<ArmExpression> arguments = new ArrayList<>();
                skipSpace();
                if (peek(')')) {
                    position++;
                    return new Call(namespace, name, arguments);
                }
                while (true) {
                    arguments.add(expression());
                    skipSpace();
                    if (peek(',')) {
                        position++;
                    } else if (peek(')')) {
                        position++;
                        return new Call(namespace, name, arguments);
                    } else {
                        throw error(position >= end ? "')' is missing: the call to " + name + " is not closed"
                                : "',' or ')' expected after an argument of " + name);
                    }
                }
            }
            throw error("unexpected '" + c + "'");
        }

        private Text text() {
            position++;
            StringBuilder value = new StringBuilder();
            while (position < end) {
                char c = source.charAt(position++);
                if (c == '\'') {
                    if (position < end && source.charAt(position) == '\'') {
                        value.append('\'');
                        position++;
                    } else {
                        return new Text(value.toString());
                    }
                } else {
                    value.append(c);
                }
            }
            throw error("a string is not closed with '");
        }

        private Number number() {
            int start = position;
            if (peek('-')) {
                position++;
            }
            while (position < end && Character.isDigit(source.charAt(position))) {
                position++;
            }
            if (position == start + (source.charAt(start) == '-' ? 1 : 0)) {
                throw error("a number is expected");
            }
            return new Number(Long.parseLong(source.substring(start, position)));
        }

        private String identifier(String what) {
            if (!isIdentifierStart(position)) {
                throw error(what + " is expected");
            }
            int start = position;
            while (position < end
                    && (Character.isLetterOrDigit(source.charAt(position)) || source.charAt(position) == '_')) {
                position++;
            }
            return source.substring(start, position);
        }

        private boolean isIdentifierStart(int at) {
            return at < end && (Character.isLetter(source.charAt(at)) || source.charAt(at) == '_');
        }

        void skipSpace() {
            while (position < end && Character.isWhitespace(source.charAt(position))) {
                position++;
            }
        }

        private boolean peek(char c) {
            return position < end && source.charAt(position) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("'" + c + "' is expected");
            }
            position++;
        }

        InvalidExpression error(String problem) {
            return new InvalidExpression(problem + " at character " + position + " of " + source);
        }
    }
}
