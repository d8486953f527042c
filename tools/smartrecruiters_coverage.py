#!/usr/bin/env python3
"""Rewrites the README's SmartRecruiters coverage table from
src/vendors/smartrecruiters/catalogue.rs (ACTIONS); a test keeps the two equal."""
import re
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
src = (root / "src/vendors/smartrecruiters/catalogue.rs").read_text()
body = src[src.index("pub const ACTIONS"):]
body = body[: body.index("];")]
actions = re.findall(r'\(\s*"([^"]+)",\s*(?:None|Some\(\s*"([^"]+)"\s*\))\s*,?\s*\)', body)
rows = "\n".join(
    f"| {name} | {'`' + route + '`' if route else '–'} | {'yes' if route else 'no'} |"
    for name, route in actions
)
served = sum(1 for _, route in actions if route)
readme = (root / "README.md").read_text()
start = readme.index("| action | route | served |\n|---|---|---|\n") + len("| action | route | served |\n|---|---|---|\n")
end = readme.index("\n\n", start)
readme = readme[:start] + rows + readme[end:]
readme = re.sub(r"\(164 actions\) and the route that serves each; \d+ are", f"(164 actions) and the route that serves each; {served} are", readme)
(root / "README.md").write_text(readme)
print(f"{len(actions)} actions, {served} served")
