"""What a page fetched before a performance mark, in bytes as the server sends them (brotli).

Offline, the service worker answers from its cache and nothing crosses the network, so the
browser's own figure (encodedBodySize) is not what a person would wait for on a cold start online.
Instead: every document, script and style the page requested before the mark (the navigation
itself is index.html), read from the shell on disk and compressed exactly as the server would send
it to a browser that accepts brotli (api/web: brotli quality 11, bodies of 256 bytes or less sent
as they are). That is the download a cold start with an empty cache would need before the screen is
usable, and a fair proxy for the parsing and compiling the phone does offline.
"""

from api.web.shell import MIN_COMPRESSED, pack

# The navigation and every resource that started before the mark, with the type that asked for it.
BEFORE_MARK = """(mark) => {
  const at = performance.getEntriesByName(mark)[0].startTime;
  const nav = performance.getEntriesByType('navigation')[0];
  const seen = performance.getEntriesByType('resource').filter((e) => e.startTime <= at);
  return [
    { path: '/index.html', type: 'navigation' },
    ...seen.map((e) => ({ path: new URL(e.name).pathname, type: e.initiatorType })),
  ];
}"""
CODE = (".html", ".js", ".css")


def served_size(shell, rel: str) -> tuple[int, int]:
    """(raw bytes, bytes as sent with brotli) of one shell file."""
    body = (shell.file(rel) or (b"", ""))[0]
    sent = len(pack(body, "br")) if len(body) > MIN_COMPRESSED else len(body)
    return len(body), sent


def fetched_before(page, mark: str, shell) -> dict:
    """The code files requested before `mark`: {"files": {path: (raw, brotli)}, "other": [...]}."""
    entries = page.evaluate(BEFORE_MARK, mark)
    files, other = {}, set()
    for entry in entries:
        path = entry["path"]
        if path.endswith(CODE):
            files.setdefault(path, served_size(shell, path.lstrip("/")))
        else:
            other.add(path)
    return {"files": files, "other": sorted(other)}


def total(found: dict) -> tuple[int, int]:
    """(raw, brotli) summed over the code files."""
    sizes = found["files"].values()
    return sum(raw for raw, _ in sizes), sum(sent for _, sent in sizes)


def describe(found: dict) -> str:
    """One indented line per file, largest first, for seeing what should not have loaded."""
    rows = sorted(found["files"].items(), key=lambda item: -item[1][1])
    lines = [f"    {sent / 1024:5.1f} KB  {path}" for path, (_, sent) in rows]
    if found["other"]:
        lines.append("    also requested (not counted): " + ", ".join(found["other"]))
    return "\n".join(lines)
