package dev.bmcagent.redfish.certificates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Bodies;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Principal;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.RedfishException;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CertificateService (GenerateCSR, ReplaceCertificate, CertificateLocations) and the HTTPS certificate collection of
 * the manager. The actions are listed and accepted only when the certificate lives in the data dir; a configured
 * pair is the configuration's to change.
 */
public final class CertificateServiceResource {

    public static final String SERVICE = "/redfish/v1/CertificateService";
    public static final String HTTPS_CERTIFICATES = "/redfish/v1/Managers/bmc/NetworkProtocol/HTTPS/Certificates";
    static final String HTTPS_CERTIFICATE = HTTPS_CERTIFICATES + "/1";
    private static final String GENERATE_CSR = SERVICE + "/Actions/CertificateService.GenerateCSR";
    private static final String REPLACE = SERVICE + "/Actions/CertificateService.ReplaceCertificate";
    private static final String REPLACE_ACTION = "ReplaceCertificate";
    private static final Set<String> REPLACE_PARAMETERS =
            Set.of("CertificateString", "CertificateType", "CertificateUri");
    private static final Logger LOG = LoggerFactory.getLogger(CertificateServiceResource.class);

    private final CertificateStore store;
    private final Function<ServedCertificate, Future<Void>> serve;

    /** {@code serve} puts a certificate on the listener for new connections (fails when the engine refuses it). */
    public CertificateServiceResource(CertificateStore store, Function<ServedCertificate, Future<Void>> serve) {
        this.store = Objects.requireNonNull(store, "store");
        this.serve = Objects.requireNonNull(serve, "serve");
    }

    public void register(Routes routes) {
        routes.get(SERVICE, PrivilegeType.Login, (ctx, p) -> Responses.resource(ctx, service()));
        routes.get(
                SERVICE + "/CertificateLocations",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, locations()));
        routes.get(
                SERVICE + "/GenerateCSRActionInfo",
                PrivilegeType.Login,
                (ctx, p) ->
                        Responses.resource(ctx, CertificateActionInfo.generateCsr(SERVICE + "/GenerateCSRActionInfo")));
        routes.get(
                SERVICE + "/ReplaceCertificateActionInfo",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx, CertificateActionInfo.replaceCertificate(SERVICE + "/ReplaceCertificateActionInfo")));
        routes.post(GENERATE_CSR, PrivilegeType.ConfigureManager, this::generateCsr);
        routes.post(REPLACE, PrivilegeType.ConfigureManager, this::replace);
        routes.get(
                HTTPS_CERTIFICATES,
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx,
                        Json.collection(
                                HTTPS_CERTIFICATES,
                                Schema.CERTIFICATE_COLLECTION,
                                "HTTPS Certificates",
                                List.of(HTTPS_CERTIFICATE))));
        routes.get(
                HTTPS_CERTIFICATE,
                PrivilegeType.Login,
                (ctx, p) ->
                        Responses.resource(ctx, CertificateJson.certificate(HTTPS_CERTIFICATE, "1", store.current())));
    }

    private ObjectNode service() {
        ObjectNode n = Json.resource(SERVICE, Schema.CERTIFICATE_SERVICE, "CertificateService", "Certificate Service");
        n.set("CertificateLocations", Json.link(SERVICE + "/CertificateLocations"));
        ObjectNode actions = n.putObject("Actions");
        if (store.replaceable()) {
            actions.putObject("#CertificateService.GenerateCSR")
                    .put("target", GENERATE_CSR)
                    .put("@Redfish.ActionInfo", SERVICE + "/GenerateCSRActionInfo");
            ObjectNode replace = actions.putObject("#CertificateService.ReplaceCertificate")
                    .put("target", REPLACE)
                    .put("@Redfish.ActionInfo", SERVICE + "/ReplaceCertificateActionInfo");
            replace.putArray("CertificateType@Redfish.AllowableValues")
                    .add("PEM")
                    .add("PEMchain");
        }
        return n;
    }

    private ObjectNode locations() {
        ObjectNode n = Json.resource(
                SERVICE + "/CertificateLocations",
                Schema.CERTIFICATE_LOCATIONS,
                "CertificateLocations",
                "Certificate Locations");
        n.putObject("Links").putArray("Certificates").add(Json.link(HTTPS_CERTIFICATE));
        return n;
    }

    private void requireReplaceable(String action) {
        if (!store.replaceable()) {
            throw RedfishError.of(BaseMessage.ActionNotSupported, action).exception();
        }
    }

    /** Key generation (RSA 4096 takes seconds) runs off the event loop. */
    private void generateCsr(RoutingContext ctx, Principal p) {
        requireReplaceable("GenerateCSR");
        CsrRequest request = CsrParameters.parse(Bodies.object(ctx), HTTPS_CERTIFICATES);
        ctx.vertx().executeBlocking(() -> store.generateCsr(request), false).onComplete(r -> {
            if (r.failed()) {
                LOG.warn("GenerateCSR failed", r.cause());
                Responses.error(ctx, RedfishError.of(BaseMessage.InternalError));
                return;
            }
            ObjectNode body = Json.object();
            body.put("CSRString", r.result().csrPem());
            body.set("CertificateCollection", Json.link(HTTPS_CERTIFICATES));
            Responses.send(ctx, 200, body);
        });
    }

    private void replace(RoutingContext ctx, Principal p) {
        requireReplaceable(REPLACE_ACTION);
        ObjectNode body = Bodies.object(ctx);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!REPLACE_PARAMETERS.contains(f)) {
                throw RedfishError.of(
                                f.equals("Password")
                                        ? BaseMessage.ActionParameterNotSupported
                                        : BaseMessage.ActionParameterUnknown,
                                f.equals("Password") ? f : REPLACE_ACTION,
                                f.equals("Password") ? REPLACE_ACTION : f)
                        .exception();
            }
        }
        String pem = text(body, "CertificateString");
        String type = text(body, "CertificateType");
        if (!type.equals("PEM") && !type.equals("PEMchain")) {
            throw RedfishError.of(BaseMessage.ActionParameterValueNotInList, type, "CertificateType", REPLACE_ACTION)
                    .exception();
        }
        JsonNode uri = body.get("CertificateUri");
        if (uri == null) {
            throw RedfishError.of(BaseMessage.ActionParameterMissing, REPLACE_ACTION, "CertificateUri")
                    .exception();
        }
        String target = uri.path("@odata.id").asText("");
        if (!target.equals(HTTPS_CERTIFICATE)) {
            throw RedfishError.of(BaseMessage.ActionParameterValueNotInList, target, "CertificateUri", REPLACE_ACTION)
                    .exception();
        }
        ServedCertificate next;
        try {
            next = store.check(pem);
        } catch (Pem.PemException | CertificateChecks.Refused e) {
            LOG.info("ReplaceCertificate refused: {}", e.getMessage());
            throw refused(e.getMessage());
        }
        if (type.equals("PEM") && next.chain().size() != 1) {
            throw refused("CertificateType PEM carries one certificate; use PEMchain for a chain");
        }
        ServedCertificate previous = store.current();
        serve.apply(next).onComplete(r -> {
            if (r.failed()) {
                LOG.info(
                        "ReplaceCertificate refused by the TLS engine: {}",
                        r.cause().toString());
                Responses.error(
                        ctx,
                        refused("the TLS engine cannot use this certificate").error());
                return;
            }
            try {
                store.install(next);
            } catch (RuntimeException e) {
                LOG.warn("cannot persist the replaced certificate; serving the previous one again", e);
                serve.apply(previous).onFailure(back -> LOG.error("cannot serve the previous certificate again", back));
                Responses.error(ctx, RedfishError.of(BaseMessage.InternalError));
                return;
            }
            LOG.info(
                    "HTTPS certificate replaced by {}: {}",
                    p.userName(),
                    next.leaf().getSubjectX500Principal());
            Responses.send(ctx, 200, CertificateJson.certificate(HTTPS_CERTIFICATE, "1", next));
        });
    }

    private static RedfishException refused(String why) {
        RedfishError base = RedfishError.of(BaseMessage.ActionParameterValueError, "CertificateString", REPLACE_ACTION);
        LOG.debug("refused: {}", why);
        return base.exception();
    }

    private static String text(ObjectNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null) {
            throw RedfishError.of(BaseMessage.ActionParameterMissing, REPLACE_ACTION, field)
                    .exception();
        }
        if (!n.isTextual()) {
            throw RedfishError.of(
                            BaseMessage.ActionParameterValueTypeError,
                            n.getNodeType().name(),
                            field,
                            REPLACE_ACTION)
                    .exception();
        }
        return n.asText();
    }
}
