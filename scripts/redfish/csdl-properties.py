#!/usr/bin/env python3
"""csdl-properties.py - the property names each DMTF schema version allows, for SchemaPropertiesTest.

Reads the DSP8010 CSDL files (the DMTF Redfish validators' copy, see ../shared/redfish-validators/setup.sh) and the
schemas the service emits (redfish/.../http/Schema.java), and writes a minimal JSON the redfish module's tests use
offline, in CI:

  {"types": {"ServiceRoot.ServiceRoot": {"props": {"RedfishVersion": ["v1_0_0", null], ...}, "bases": [...]},
             "ServiceRoot.ProtocolFeaturesSupported": {...}, ...},
   "source": "...", "schemas": {"ServiceRoot": "v1_17_0", ...}}

For each type (keyed by schema name without version + type name) every property and navigation property with the
first schema version that has it and its complex type (same key form) or null for primitives, enums and links.
Regenerate after changing Schema.java (the test fails naming any schema missing here):

  scripts/redfish/csdl-properties.py [CSDL_DIR] > redfish/src/test/resources/redfish-csdl-properties.json
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

EDM = '{http://docs.oasis-open.org/odata/ns/edm}'
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA_JAVA = os.path.join(ROOT, 'redfish/src/main/java/dev/bmcagent/redfish/http/Schema.java')
# schemas other branches add (certificates, updates, inventory): generated too so a merge needs no regeneration
EXTRA = ['CertificateService', 'Certificate', 'CertificateCollection', 'CertificateLocations', 'UpdateService',
         'SoftwareInventory', 'SoftwareInventoryCollection', 'Processor', 'ProcessorCollection', 'Memory',
         'MemoryCollection']


def version_key(v):
    return tuple(int(x) for x in v[1:].split('_')) if v else (1, 0, 0)


def split_ns(ns):
    m = re.match(r'^([A-Za-z0-9]+)(?:\.(v\d+_\d+_\d+))?$', ns)
    return (m.group(1), m.group(2)) if m else (None, None)


def type_key(t):
    """'Collection(ServiceRoot.v1_3_0.ProtocolFeaturesSupported)' -> 'ServiceRoot.ProtocolFeaturesSupported'."""
    m = re.match(r'^Collection\((.*)\)$', t)
    t = m.group(1) if m else t
    parts = t.split('.')
    if parts[0] == 'Edm' or len(parts) < 2:
        return None
    return parts[0] + '.' + parts[-1]


def main():
    csdl = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.environ.get('RFV_HOME', '/work/.cache/redfish-validators'), 'csdl')
    types = {}      # key -> {"props": {name: [since, typekey]}, "bases": set}
    structured = set()
    for f in sorted(os.listdir(csdl)):
        if not f.endswith('.xml'):
            continue
        for schema in ET.parse(os.path.join(csdl, f)).getroot().iter(EDM + 'Schema'):
            base, ver = split_ns(schema.get('Namespace'))
            if base is None:
                continue
            for kind in ('EntityType', 'ComplexType'):
                for t in schema.findall(EDM + kind):
                    key = base + '.' + t.get('Name')
                    structured.add(key)
                    entry = types.setdefault(key, {'props': {}, 'bases': set()})
                    bt = t.get('BaseType')
                    if bt and type_key(bt) and type_key(bt) != key:
                        entry['bases'].add(type_key(bt))
                    for p in list(t.findall(EDM + 'Property')) + list(t.findall(EDM + 'NavigationProperty')):
                        nav = p.tag == EDM + 'NavigationProperty'
                        since = ver or 'v1_0_0'
                        old = entry['props'].get(p.get('Name'))
                        tk = None if nav else type_key(p.get('Type'))
                        if old is None or version_key(since) < version_key(old[0]):
                            entry['props'][p.get('Name')] = [since, tk]
    emitted = {name: ver or None for name, ver in
               re.findall(r'\("([A-Za-z]+)", (?:"(v\d+_\d+_\d+)"|null)\)', open(SCHEMA_JAVA).read())}
    wanted = list(emitted) + [s for s in EXTRA if s not in emitted]
    out, todo = {}, [s + '.' + s for s in wanted]
    while todo:
        key = todo.pop()
        if key in out or key not in types:
            continue
        e = types[key]
        props = {n: [since, tk if tk in structured else None] for n, (since, tk) in sorted(e['props'].items())}
        out[key] = {'props': props, 'bases': sorted(e['bases'])}
        todo.extend(tk for _, tk in props.values() if tk)
        todo.extend(e['bases'])
    versions = {s: emitted.get(s) for s in wanted}
    source = 'DSP8010 CSDL from ' + csdl
    vf = os.path.join(os.path.dirname(csdl), 'VERSIONS')
    if os.path.exists(vf):
        source = next((l.strip() for l in open(vf) if l.startswith('DMTF/Redfish-Publications')), source)
    json.dump({'source': source, 'schemas': versions, 'types': out}, sys.stdout, indent=0, sort_keys=True,
              separators=(',', ':'))
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
