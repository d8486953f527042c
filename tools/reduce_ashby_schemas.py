#!/usr/bin/env python3
"""Writes tests/data/ashby/response-schemas.json: for each Ashby endpoint the sandbox serves,
the success-response schema of Ashby's OpenAPI document with every $ref resolved and the prose
(descriptions, examples, titles) stripped. Facts only, so the schema test runs on a clean clone.

usage: tools/reduce_ashby_schemas.py <ashby-openapi.yml>   (needs PyYAML)
"""
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROSE = ("description", "example", "examples", "title", "summary", "externalDocs", "deprecated")


def main(spec_path):
    spec = yaml.safe_load(open(spec_path))

    def pointer(ref):
        node = spec
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            node = node[int(part)] if isinstance(node, list) else node[part]
        return node

    def is_error(schema):
        """The shared error variant: the one whose schema requires `errorInfo`."""
        return "errorInfo" in json.dumps(resolve(schema))

    def success_only(schema):
        """Drops the error variant of a `oneOf`, keeping the success shape(s)."""
        if isinstance(schema, dict) and "oneOf" in schema:
            kept = [s for s in schema["oneOf"] if not is_error(s)]
            return kept[0] if len(kept) == 1 else {"oneOf": kept}
        return schema

    def resolve(schema, depth=0):
        if depth > 40:
            return {}
        if isinstance(schema, dict):
            if "$ref" in schema:
                base = resolve(pointer(schema["$ref"]), depth + 1)
                rest = {k: v for k, v in schema.items() if k != "$ref"}
                return {"allOf": [base, resolve(rest, depth + 1)]} if rest else base
            return {k: resolve(v, depth + 1) for k, v in schema.items() if k not in PROSE}
        if isinstance(schema, list):
            return [resolve(x, depth + 1) for x in schema]
        return schema

    def overlapping_unions_as_any_of(schema):
        """Ashby's value unions list `{"type": "string"}` several times (String, Date, ValueSelect
        values), so a plain string would match more than one `oneOf` branch and never validate.
        Read every union as `anyOf`: a value Ashby sends matches at least one branch."""
        if isinstance(schema, dict):
            return {("anyOf" if k == "oneOf" else k): overlapping_unions_as_any_of(v) for k, v in schema.items()}
        if isinstance(schema, list):
            return [overlapping_unions_as_any_of(x) for x in schema]
        return schema

    served = re.findall(r'\(\s*"([\w.]+)",\s*\w+::\w+,?\s*\)', (ROOT / "src/vendors/ashby/mod.rs").read_text())
    out = {}
    for endpoint in served:
        op = spec["paths"]["/" + endpoint]["post"]
        schema = op["responses"]["200"]["content"]["application/json"]["schema"]
        out[endpoint] = overlapping_unions_as_any_of(resolve(success_only(schema)))
    target = ROOT / "tests/data/ashby/response-schemas.json"
    target.write_text(json.dumps(out, sort_keys=True) + "\n")
    print(f"wrote {target} ({len(out)} endpoints)")


if __name__ == "__main__":
    main(sys.argv[1])
