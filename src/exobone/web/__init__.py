"""The exobone web app: browse, search, curate and analyse a store in the browser.

from exobone.web import Settings, create_app
app = create_app(Settings(db_url="sqlite:///exobone.db"))
"""

from exobone.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
