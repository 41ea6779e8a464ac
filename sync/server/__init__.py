"""The reference central server: FastAPI over SQLAlchemy, the only SQLAlchemy user."""
