# sqlcipher3 ships no type information; its API is the standard library's sqlite3 (it is a
# fork of pysqlite3 built against SQLCipher), so these stubs re-export typeshed's sqlite3.
from sqlite3.dbapi2 import *

from . import dbapi2 as dbapi2
