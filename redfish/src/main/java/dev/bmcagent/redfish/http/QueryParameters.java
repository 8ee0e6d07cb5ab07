package dev.bmcagent.redfish.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of a request this service acts on (DSP0266 "Query parameters"), parsed and checked once
 * before authentication: {@code only}, {@code $select}, {@code $expand}, {@code $filter}. The service applies them
 * in the specification's order: {@code $filter}, then {@code $expand}, then {@code $select}.
 *
 * <ul>
 *   <li>another {@code $}-parameter: 501 QueryNotSupported; other names without {@code $} are ignored;</li>
 *   <li>{@code only} with any of the others: 400 QueryCombinationInvalid;</li>
 *   <li>{@code $expand} or {@code $filter} on anything but GET/HEAD: 400 QueryNotSupportedOnOperation;</li>
 *   <li>a parameter given twice or a malformed value: 400 QueryParameterValueFormatError (see {@link ExpandQuery}
 *       for {@code $levels}).</li>
 * </ul>
 * On the SSE stream {@code $filter} is the stream's own filter and is left to it.
 *
 * @param only   {@code only} was given
 * @param select the {@code $select} value
 * @param expand the parsed {@code $expand}
 * @param filter the parsed {@code $filter} (never on the SSE stream)
 */
public record QueryParameters(boolean only, Optional<String> select, Optional<ExpandQuery> expand,
                              Optional<FilterExpression> filter) {

    public static final QueryParameters NONE = new QueryParameters(false, Optional.empty(), Optional.empty(),
            Optional.empty());

    private static final String KEY = "redfish.query";
    private static final Set<String> SUPPORTED = Set.of("$select", "$expand", "$filter");
    private static final String SSE = "/redfish/v1/EventService/SSE";

    public QueryParameters {
        Objects.requireNonNull(select, "select");
        Objects.requireNonNull(expand, "expand");
        Objects.requireNonNull(filter, "filter");
    }

    /** Whether answering needs other resources read ({@code $expand} or {@code $filter}). */
    public boolean readsResources() {
        return expand.isPresent() || filter.isPresent();
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
        Optional<FilterExpression> filter = sseStream ? Optional.empty()
                : single(params, "$filter").map(QueryParameters::filter);
        boolean only = params.contains("only");
        if (only && (select.isPresent() || expand.isPresent() || filter.isPresent())) {
            throw RedfishError.of(BaseMessage.QueryCombinationInvalid).exception();
        }
        if ((expand.isPresent() || filter.isPresent()) && method != HttpMethod.GET && method != HttpMethod.HEAD) {
            throw RedfishError.of(BaseMessage.QueryNotSupportedOnOperation).exception();
        }
        return new QueryParameters(only, select, expand, filter);
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
            throw RedfishError.of(BaseMessage.QueryParameterValueFormatError, text, "$filter").exception();
        }
    }
}
