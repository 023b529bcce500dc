"""The web app: server-rendered pages (Jinja2), HTMX for interaction, no CDN."""
