"""Sync with the central system: the protocol (openapi.json), the device-side client
(enrolment, push, attachments, pull, number blocks, USB bundles) and the reference central
server that implements the same protocol for tests and pilots. No Qt here.
"""
