"""Serves the few front-end library files the desk needs from frontend/node_modules.

The folder is $WARDESK_ASSETS, else frontend/node_modules beside the source checkout. Only the
files listed here are served; pages work without them (the map is then left out).
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

router = APIRouter(include_in_schema=False)

VENDOR_FILES = {  # URL name → path inside node_modules
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",  # /docs
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
}
MAP_FILES = ("leaflet.js", "leaflet.css", "topojson-client.min.js", "countries-110m.json")
DOCS_FILES = ("swagger-ui.css", "swagger-ui-bundle.js")


def assets_dir() -> Path:
    configured = os.environ.get("WARDESK_ASSETS")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[3] / "frontend" / "node_modules"


def vendor_path(name: str) -> Path | None:
    relative = VENDOR_FILES.get(name)
    if relative is None:
        return None
    path = assets_dir() / relative
    return path if path.is_file() else None


def docs_available() -> bool:
    """Whether /docs can show Swagger UI (swagger-ui-dist installed from npm)."""
    return all(vendor_path(name) for name in DOCS_FILES)


def map_available() -> bool:
    """Whether every file the map needs is present (else pages leave the map out)."""
    return all(vendor_path(name) for name in MAP_FILES)


@router.get("/static/vendor/{name}")
def vendor_file(name: str) -> FileResponse:
    path = vendor_path(name)
    if path is None:
        raise HTTPException(404, "no such vendor file (run: npm ci --prefix frontend)")
    return FileResponse(path, headers={"Cache-Control": "public, max-age=86400"})
