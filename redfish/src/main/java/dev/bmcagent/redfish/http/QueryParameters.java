package dev.bmcagent.redfish.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The query parameters of a request this service acts on (DSP0266 "Query parameters"), parsed and checked once
 * before authentication: {@code only}, {@code $select}, {@code $expand}, {@code $filter}, {@code $skip},
 * {@code $top}. The service applies them in the specification's order: {@code $filter}, {@code $skip} and
 * {@code $top} ({@link Paging}), then {@code $expand}, then {@code $select}.
 *
 * <ul>
 *   <li>another {@code $}-parameter: 501 QueryNotSupported; other names without {@code $} are ignored;</li>
 *   <li>{@code only} with a value ({@code ?only=foo}): 400 QueryParameterValueFormatError;</li>
 *   <li>{@code only} with any of the others: 400 QueryCombinationInvalid;</li>
 *   <li>{@code $expand}, {@code $filter}, {@code $skip} or {@code $top} on anything but GET/HEAD: 400
 *       QueryNotSupportedOnOperation;</li>
 *   <li>{@code $skip}/{@code $top} not a whole number: 400 QueryParameterValueTypeError; negative or above
 *       {@link Paging#MAX}: 400 QueryParameterOutOfRange;</li>
 *   <li>a parameter given twice or a malformed value: 400 QueryParameterValueFormatError (see {@link ExpandQuery}
 *       for {@code $levels}).</li>
 * </ul>
 * On the SSE stream {@code $filter} is the stream's own filter and is left to it.
 *
 * @param only   {@code only} was given
 * @param select the {@code $select} value
 * @param expand the parsed {@code $expand}
 * @param filter the parsed {@code $filter} (never on the SSE stream)
 * @param skip   {@code $skip}, 0 when absent
 * @param top    {@code $top}
 */
public record QueryParameters(
        boolean only,
        Optional<String> select,
        Optional<ExpandQuery> expand,
        Optional<FilterExpression> filter,
        int skip,
        OptionalInt top) {

    public static final QueryParameters NONE =
            new QueryParameters(false, Optional.empty(), Optional.empty(), Optional.empty(), 0, OptionalInt.empty());

    private static final String KEY = "redfish.query";
    private static final Set<String> SUPPORTED = Set.of("$select", "$expand", "$filter", "$skip", "$top");
    private static final String SSE = "/redfish/v1/EventService/SSE";

    public QueryParameters {
        Objects.requireNonNull(select, "select");
        Objects.requireNonNull(expand, "expand");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(top, "top");
    }

    /** Whether {@code $skip} or {@code $top} was given. */
    public boolean paged() {
        return skip > 0 || top.isPresent();
    }

    /** Whether the query applies to collections only ({@code $filter}, {@code $skip}, {@code $top}). */
    public boolean collectionOnly() {
        return filter.isPresent() || paged();
    }

    /** Whether the answer is more than the resource with {@code $select}: filtered, paged or expanded. */
    public boolean reshapes() {
        return expand.isPresent() || collectionOnly();
    }

    /** Parses the request's parameters into its context (once per request); throws a 400/501 RedfishException. */
    static void parseInto(RoutingContext ctx) {
        if (ctx.get(KEY) == null && !ctx.queryParams().isEmpty()) {
            ctx.put(KEY, parse(ctx.queryParams(), ctx.request().method(), SSE.equals(ctx.normalizedPath())));
        }
    }

    /** The parameters {@link ODataHandler} parsed for this request. */
    public static QueryParameters of(RoutingContext ctx) {
        QueryParameters q = ctx.get(KEY);
        return q == null ? NONE : q;
    }

    public static QueryParameters parse(MultiMap params, HttpMethod method, boolean sseStream) {
        for (String name : params.names()) {
            boolean streamFilter = sseStream && name.equals("$filter");
            if (name.startsWith("$") && !SUPPORTED.contains(name) && !streamFilter) {
                throw RedfishError.of(BaseMessage.QueryNotSupported).exception();
            }
        }
        Optional<String> select = single(params, "$select");
        select.ifPresent(Projection::validate);
        Optional<ExpandQuery> expand = single(params, "$expand").map(ExpandQuery::parse);
        Optional<FilterExpression> filter =
                sseStream ? Optional.empty() : single(params, "$filter").map(QueryParameters::filter);
        Optional<Integer> skip = single(params, "$skip").map(v -> count(v, "$skip"));
        Optional<Integer> top = single(params, "$top").map(v -> count(v, "$top"));
        boolean only = params.contains("only");
        if (only && !single(params, "only").orElse("").isEmpty()) {
            // "only" takes no value (DSP0266 "Query parameters"): ?only=foo is an invalid value, not a flag
            throw RedfishError.of(BaseMessage.QueryParameterValueFormatError, params.get("only"), "only")
                    .exception();
        }
        boolean paged = skip.isPresent() || top.isPresent();
        if (only && (select.isPresent() || expand.isPresent() || filter.isPresent() || paged)) {
            throw RedfishError.of(BaseMessage.QueryCombinationInvalid).exception();
        }
        if ((expand.isPresent() || filter.isPresent() || paged)
                && !HttpMethod.GET.equals(method)
                && !HttpMethod.HEAD.equals(method)) {
            throw RedfishError.of(BaseMessage.QueryNotSupportedOnOperation).exception();
        }
        return new QueryParameters(
                only,
                select,
                expand,
                filter,
                skip.orElse(0),
                top.map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    private static int count(String value, String name) {
        if (!value.matches("-?[0-9]{1,10}")) {
            throw RedfishError.of(BaseMessage.QueryParameterValueTypeError, value, name)
                    .exception();
        }
        long n = Long.parseLong(value);
        if (n < 0 || n > Paging.MAX) {
            throw RedfishError.of(BaseMessage.QueryParameterOutOfRange, value, name, "0-" + Paging.MAX)
                    .exception();
        }
        return (int) n;
    }

    private static Optional<String> single(MultiMap params, String name) {
        List<String> values = params.getAll(name);
        if (values.size() > 1) {
            throw RedfishError.of(BaseMessage.QueryParameterValueFormatError, String.join(",", values), name)
                    .exception();
        }
        return values.stream().findFirst();
    }

    private static FilterExpression filter(String text) {
        try {
            return FilterExpression.parse(text);
        } catch (IllegalArgumentException e) {
            throw RedfishError.of(BaseMessage.QueryParameterValueFormatError, text, "$filter")
                    .exception();
        }
    }
}
