from desktop_app.app import entry

entry()
