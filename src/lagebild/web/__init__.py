"""The web app: JSON API under /api/, server-rendered HTML pages, vendored chart library.

``create_app(db_path)`` builds the ASGI app; ``serve(db, host, port)`` runs it with uvicorn.
"""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
