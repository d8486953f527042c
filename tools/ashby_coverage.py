#!/usr/bin/env python3
"""Rewrites the README's Ashby coverage table from src/vendors/ashby/endpoints.rs (every spec
endpoint with its permission) and the SERVED list in src/vendors/ashby/mod.rs. The test
`the_ashby_coverage_table_matches_the_code` fails while the table is stale."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = re.findall(
    r'\(\s*"([\w.]+)",\s*(?:Some\(\s*"(\w+)"\s*\)|None),?\s*\)',
    (ROOT / "src/vendors/ashby/endpoints.rs").read_text(),
)
served = set(re.findall(r'\(\s*"([\w.]+)",\s*\w+::\w+,?\s*\)', (ROOT / "src/vendors/ashby/mod.rs").read_text()))
rows = ["| endpoint | permission | served |", "|---|---|---|"]
rows += [f"| `{name}` | {perm or '–'} | {'yes' if name in served else 'no'} |" for name, perm in spec]
readme = (ROOT / "README.md").read_text()
start = readme.index("| endpoint | permission | served |")
end = readme.index("\n\n", start) + 1
(ROOT / "README.md").write_text(readme[:start] + "\n".join(rows) + "\n" + readme[end:])
print(f"{len(served)} of {len(spec)} Ashby endpoints served")
