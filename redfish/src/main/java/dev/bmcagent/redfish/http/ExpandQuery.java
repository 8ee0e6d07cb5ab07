package dev.bmcagent.redfish.http;

import java.util.Objects;

/**
 * A parsed {@code $expand} value (DSP0266 "expand query parameter"): {@code *} every hyperlink, {@code .} the
 * hyperlinks not inside a {@code Links} property, {@code ~} only those inside {@code Links}; each optionally
 * followed by {@code ($levels=N)}, 1 when absent, at most {@link #MAX_LEVELS}.
 *
 * @param type   which hyperlinks are expanded
 * @param levels how many levels of hyperlinks are followed, 1..{@link #MAX_LEVELS}
 */
public record ExpandQuery(Type type, int levels) {

    /** The deepest expansion this service performs (ProtocolFeaturesSupported.ExpandQuery.MaxLevels). */
    public static final int MAX_LEVELS = 6;

    private static final String LEVELS = "($levels=";

    /** Which hyperlinks of a resource an expansion follows. */
    public enum Type {
        /** {@code *}: all hyperlinks. */
        ALL,
        /** {@code .}: hyperlinks outside any {@code Links} property (subordinate resources, Members). */
        SUBORDINATE,
        /** {@code ~}: hyperlinks inside {@code Links} properties. */
        LINKS;

        /** Whether a hyperlink found inside ({@code inLinks}) or outside a Links property is expanded. */
        public boolean follows(boolean inLinks) {
            return switch (this) {
                case ALL -> true;
                case SUBORDINATE -> !inLinks;
                case LINKS -> inLinks;
            };
        }
    }

    public ExpandQuery {
        Objects.requireNonNull(type, "type");
        if (levels < 1 || levels > MAX_LEVELS) {
            throw new IllegalArgumentException("levels out of range: " + levels);
        }
    }

    /**
     * Parses a {@code $expand} value. Syntax errors are 400 QueryParameterValueFormatError, a {@code $levels} that
     * is not an integer 400 QueryParameterValueTypeError, one outside 1..6 400 QueryParameterOutOfRange.
     */
    public static ExpandQuery parse(String value) {
        if (value.isEmpty()) {
            throw formatError(value);
        }
        Type type = switch (value.charAt(0)) {
            case '*' -> Type.ALL;
            case '.' -> Type.SUBORDINATE;
            case '~' -> Type.LINKS;
            default -> throw formatError(value);
        };
        String rest = value.substring(1);
        if (rest.isEmpty()) {
            return new ExpandQuery(type, 1);
        }
        if (!rest.startsWith(LEVELS) || !rest.endsWith(")")) {
            throw formatError(value);
        }
        String number = rest.substring(LEVELS.length(), rest.length() - 1);
        if (!number.matches("-?[0-9]{1,9}")) {
            throw RedfishError.of(BaseMessage.QueryParameterValueTypeError, number, "$levels")
                    .exception();
        }
        int levels = Integer.parseInt(number);
        if (levels < 1 || levels > MAX_LEVELS) {
            throw RedfishError.of(BaseMessage.QueryParameterOutOfRange, number, "$levels", "1-" + MAX_LEVELS)
                    .exception();
        }
        return new ExpandQuery(type, levels);
    }

    private static RedfishException formatError(String value) {
        return RedfishError.of(BaseMessage.QueryParameterValueFormatError, value, "$expand")
                .exception();
    }
}
