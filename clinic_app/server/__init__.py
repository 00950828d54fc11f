"""The clinic server: the service interface over HTTP (FastAPI on uvicorn).

``app.create_app(services)`` builds the application from ``clinic_app.service_api``'s declared
list of exposed methods; ``serve.serve(...)`` runs it (``clinic-app serve``). The server is the
only process that holds the database's credentials: desks log in and get a session token.
"""
