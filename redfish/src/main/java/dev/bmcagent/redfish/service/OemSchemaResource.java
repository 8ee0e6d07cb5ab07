package dev.bmcagent.redfish.service;

import dev.bmcagent.redfish.http.Routes;
import io.vertx.core.http.HttpMethod;

/**
 * The CSDL of this service's OEM extensions ({@code Oem.BmcAgent} blocks), served locally and referenced from
 * $metadata so every {@code @odata.type} the service emits resolves.
 */
public final class OemSchemaResource {

    public static final String URI = "/redfish/v1/schemas/BmcAgent_v1.xml";
    public static final String NAMESPACE = "BmcAgent.v1_0_0";

    /** e.g. "#BmcAgent.v1_0_0.ComputerSystem". */
    public static String odataType(String complexType) {
        return "#" + NAMESPACE + "." + complexType;
    }

    public void register(Routes routes) {
        String xml = csdl();
        routes.publicRoute(
                HttpMethod.GET,
                "/redfish/v1/schemas/BmcAgent_v1.xml",
                (ctx, p) -> ctx.response()
                        .putHeader("Content-Type", "application/xml;charset=utf-8")
                        .end(xml));
    }

    static String csdl() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">
                  <edmx:Reference Uri="http://docs.oasis-open.org/odata/odata/v4.0/errata03/csd01/complete/vocabularies/Org.OData.Core.V1.xml">
                    <edmx:Include Namespace="Org.OData.Core.V1" Alias="OData"/>
                  </edmx:Reference>
                  <edmx:Reference Uri="http://redfish.dmtf.org/schemas/v1/Resource_v1.xml">
                    <edmx:Include Namespace="Resource"/>
                  </edmx:Reference>
                  <edmx:DataServices>
                    <Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="BmcAgent"/>
                    <Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="BmcAgent.v1_0_0">
                      <ComplexType Name="ComputerSystem" BaseType="Resource.OemObject">
                        <Annotation Term="OData.Description" String="The host's ACPI power state as the BMC last knew it."/>
                        <Property Name="AcpiSystemState" Type="Edm.String" Nullable="false">
                          <Annotation Term="OData.Permissions" EnumMember="OData.Permission/Read"/>
                        </Property>
                        <Property Name="AcpiDeviceState" Type="Edm.String" Nullable="false">
                          <Annotation Term="OData.Permissions" EnumMember="OData.Permission/Read"/>
                        </Property>
                        <Property Name="AcpiLastChange" Type="Edm.DateTimeOffset" Nullable="false">
                          <Annotation Term="OData.Permissions" EnumMember="OData.Permission/Read"/>
                        </Property>
                        <Property Name="AcpiStateInferred" Type="Edm.Boolean" Nullable="false">
                          <Annotation Term="OData.Permissions" EnumMember="OData.Permission/Read"/>
                          <Annotation Term="OData.Description" String="True when the BMC inferred the state (e.g. S5 on power-good loss)."/>
                        </Property>
                        <Property Name="BootOrderPatterns" Type="Collection(Edm.String)" Nullable="false">
                          <Annotation Term="OData.Permissions" EnumMember="OData.Permission/ReadWrite"/>
                          <Annotation Term="OData.Description" String="The declared boot order as patterns, most preferred first: Java regular expressions, each matched against whole boot option names (DisplayName), so one pattern such as .*HTTPS IPv6.* names the options of every NIC vendor. The BMC enforces it like Boot.BootOrder (a PATCHed BootOrder shows here as exact-match patterns). An empty array declares nothing."/>
                        </Property>
                      </ComplexType>
                      <ComplexType Name="ThermalSubsystem" BaseType="Resource.OemObject">
                        <Property Name="FanMode" Type="Edm.String" Nullable="false">
                          <Annotation Term="OData.Permissions" EnumMember="OData.Permission/Read"/>
                          <Annotation Term="OData.Description" String="Normal, FixedDuty (firmware initialising) or FailSafe."/>
                        </Property>
                      </ComplexType>
                      <ComplexType Name="PhaseMark">
                        <Property Name="State" Type="Edm.String"/>
                        <Property Name="Detail" Type="Edm.String"/>
                        <Property Name="Time" Type="Edm.DateTimeOffset"/>
                      </ComplexType>
                      <ComplexType Name="NetworkBootAttempt">
                        <Property Name="Interface" Type="Edm.String"/>
                        <Property Name="Error" Type="Edm.String"/>
                        <Property Name="Description" Type="Edm.String"/>
                        <Property Name="InterfaceIndex" Type="Edm.Int64"/>
                        <Property Name="IpVersion" Type="Edm.String"/>
                        <Property Name="Protocol" Type="Edm.String"/>
                        <Property Name="SecondsLost" Type="Edm.Int64"/>
                        <Property Name="Time" Type="Edm.DateTimeOffset"/>
                      </ComplexType>
                      <ComplexType Name="LogEntry" BaseType="Resource.OemObject">
                        <Property Name="Cause" Type="Edm.String"/>
                        <Property Name="Phases" Type="Collection(BmcAgent.v1_0_0.PhaseMark)"/>
                        <Property Name="NetworkBootAttempts" Type="Collection(BmcAgent.v1_0_0.NetworkBootAttempt)"/>
                        <Property Name="Inferred" Type="Edm.Boolean">
                          <Annotation Term="OData.Permissions" EnumMember="OData.Permission/Read"/>
                          <Annotation Term="OData.Description" String="True on a SEL entry that states what the BMC inferred (e.g. S5 on power-good loss) rather than what the host reported."/>
                        </Property>
                      </ComplexType>
                    </Schema>
                  </edmx:DataServices>
                </edmx:Edmx>
                """;
    }
}
