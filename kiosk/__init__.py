"""Box Office Kiosk: counter and self-service ticket sales for cinemas and theatres."""

__version__ = "0.1.0"
