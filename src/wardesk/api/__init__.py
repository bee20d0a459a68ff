"""wardesk's HTTP face: a FastAPI app with the JSON API, the downloads, ingest, and the desk's pages.

`create_app` builds the app over one store; `serve` runs it with uvicorn on loopback by default.
"""

from wardesk.api.app import create_app, serve

__all__ = ["create_app", "serve"]
