"""The encrypted store: the only package that touches SQLCipher or the key file."""
