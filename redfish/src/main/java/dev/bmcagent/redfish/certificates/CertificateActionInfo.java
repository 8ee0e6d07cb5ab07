package dev.bmcagent.redfish.certificates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Schema;
import java.util.Arrays;

/** ActionInfo of GenerateCSR and ReplaceCertificate: the parameters {@link CsrParameters} and the resource accept. */
final class CertificateActionInfo {

    private CertificateActionInfo() {}

    static ObjectNode generateCsr(String uri) {
        ObjectNode n = Json.resource(uri, Schema.ACTION_INFO, "GenerateCSRActionInfo", "GenerateCSR Action Info");
        ArrayNode p = n.putArray("Parameters");
        p.addObject()
                .put("Name", "CertificateCollection")
                .put("Required", true)
                .put("DataType", "Object")
                .put("ObjectDataType", "#CertificateCollection.CertificateCollection");
        p.addObject().put("Name", "CommonName").put("Required", true).put("DataType", "String");
        for (String optional :
                new String[] {"Organization", "OrganizationalUnit", "City", "State", "Country", "Email"}) {
            p.addObject().put("Name", optional).put("Required", false).put("DataType", "String");
        }
        p.addObject().put("Name", "AlternativeNames").put("Required", false).put("DataType", "StringArray");
        ArrayNode algorithms = p.addObject()
                .put("Name", "KeyPairAlgorithm")
                .put("Required", false)
                .put("DataType", "String")
                .putArray("AllowableValues");
        KeySpec.ALGORITHMS.forEach(algorithms::add);
        ArrayNode bits = p.addObject()
                .put("Name", "KeyBitLength")
                .put("Required", false)
                .put("DataType", "Number")
                .putArray("AllowableNumbers");
        Arrays.stream(KeySpec.values()).filter(KeySpec::rsa).forEach(k -> bits.add(String.valueOf(k.bits())));
        p.addObject()
                .put("Name", "KeyCurveId")
                .put("Required", false)
                .put("DataType", "String")
                .putArray("AllowableValues")
                .add("TPM_ECC_NIST_P256")
                .add("TPM_ECC_NIST_P384");
        return n;
    }

    static ObjectNode replaceCertificate(String uri) {
        ObjectNode n = Json.resource(
                uri, Schema.ACTION_INFO, "ReplaceCertificateActionInfo", "ReplaceCertificate Action Info");
        ArrayNode p = n.putArray("Parameters");
        p.addObject().put("Name", "CertificateString").put("Required", true).put("DataType", "String");
        p.addObject()
                .put("Name", "CertificateType")
                .put("Required", true)
                .put("DataType", "String")
                .putArray("AllowableValues")
                .add("PEM")
                .add("PEMchain");
        p.addObject()
                .put("Name", "CertificateUri")
                .put("Required", true)
                .put("DataType", "Object")
                .put("ObjectDataType", "#Certificate.Certificate");
        return n;
    }
}
