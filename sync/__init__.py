"""Sync with the central system, as adapters of the core's ports (desktop_app.ports): the
protocol (openapi.json, sync.protocol), the device-side transport (SyncClient: enrolment, push,
attachments, pull, number blocks), the USB bundle format and the reference central server that
implements the same protocol for tests and pilots. What the answers do to the device's records
is the core's (desktop_app.workflows.sync_apply). No Qt and no SQL of the device here.
"""
