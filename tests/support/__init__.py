"""Helpers the tests share: driving the checker, making a kiosk, reading QR codes.

Test modules import from here, never from one another.
"""
